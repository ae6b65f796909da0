package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.cd4ml.gpu.GpuSession;
import io.jenkins.plugins.cd4ml.gpu.GpuStageReport;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocationException;
import io.jenkins.plugins.cd4ml.gpu.train.DeclaredOutput;
import io.jenkins.plugins.cd4ml.gpu.train.LocalTraining;
import io.jenkins.plugins.cd4ml.gpu.train.TrainingResult;
import io.jenkins.plugins.cd4ml.gpu.train.TrainingSpec;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.steps.support.WorkspacePaths;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jenkins.MasterToSlaveFileCallable;

/**
 * {@code trainModel} on the agent, in one call: allocate GPUs (unless none are asked for), run
 * the command in the workspace with the GPU variables, stream its log, collect the declared
 * outputs with digests, release the GPUs and return both reports. Aborting the build interrupts
 * this call: the command is killed and the GPUs are released.
 */
final class TrainModelCallable extends MasterToSlaveFileCallable<TrainingOutcome> {
    private static final long serialVersionUID = 1L;

    private final List<String> command;
    private final TrainingOutputs outputs;
    private final Duration timeout;
    private final @CheckForNull GpuAsk gpus;
    private final String owner;
    private final LogSink log;

    /**
     * @param command program and arguments
     * @param outputs declared outputs (already normalized)
     * @param timeout the command's time limit ({@code ZERO}: none)
     * @param gpus what to allocate, or {@code null} to run without GPUs
     * @param owner shown to builds waiting for the same GPUs
     * @param log the build log
     */
    TrainModelCallable(List<String> command, TrainingOutputs outputs, Duration timeout, @CheckForNull GpuAsk gpus,
            String owner, LogSink log) {
        this.command = List.copyOf(command);
        this.outputs = outputs;
        this.timeout = timeout;
        this.gpus = gpus;
        this.owner = owner;
        this.log = log;
    }

    @Override
    public TrainingOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        try {
            return run(GpuAgent.onThisMachine(), workspace, log);
        } catch (GpuAllocationException e) {
            throw new AbortException("trainModel: " + e.getMessage());
        } catch (InvalidInputException e) {
            throw new AbortException("trainModel: could not evaluate: " + e.getMessage());
        }
    }

    /**
     * The work, with the machine and the log given (tests use a recorded nvidia-smi).
     *
     * @param agent the GPU machine
     * @param workspace the workspace directory
     * @param lines receives the command's output and the queue messages
     * @return the training and GPU reports
     */
    TrainingOutcome run(GpuAgent agent, File workspace, Consumer<String> lines)
            throws IOException, InterruptedException, GpuAllocationException, InvalidInputException {
        for (DeclaredOutput declared : outputs.declared()) {
            WorkspacePaths.confine(workspace, "outputs", declared.path()); // no symbolic link out
        }
        TrainingSpec spec = new TrainingSpec(command, workspace.getAbsolutePath(), Map.of(), outputs.declared(),
                timeout);
        if (gpus == null) {
            return new TrainingOutcome(new LocalTraining().run(spec, Map.of(), lines), null);
        }
        GpuSession session = agent.open(gpus, owner, lines);
        try {
            lines.accept("trainModel: running on " + session.lease().environment().get("CUDA_VISIBLE_DEVICES"));
            TrainingResult result = new LocalTraining().run(spec, session.lease().environment(), lines);
            GpuStageReport report = session.finish();
            return new TrainingOutcome(result, report);
        } finally {
            session.close();
        }
    }
}
