package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainer;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobSpec;
import io.jenkins.plugins.cd4ml.steps.support.AgentStepExecution;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code trainModel}: runs a training command on the current agent, on GPUs it holds alone, and
 * records what it produced.
 *
 * <pre>{@code
 * node('gpu') {
 *     def run = trainModel command: 'python train.py --epochs 3', gpus: 1, minMemoryGb: 16,
 *                          outputs: [model: 'out/model', metrics: 'out/metrics.json'], timeoutMinutes: 120
 *     echo "accuracy ${run.metrics.accuracy}, model ${run.outputs.model.digest}"
 * }
 * }</pre>
 *
 * <p>The command runs without a shell in the workspace, with the GPU variables of
 * {@code withGpus}; its output streams to the build log. Afterwards the declared outputs get
 * SHA-256 digests (for lineage) and the metrics file is read. The build keeps a {@code training}
 * report (section {@code training} or {@code training:<id>}). A command that fails, times out or
 * leaves a declared output missing fails the step.
 *
 * <p>With {@code sagemaker: sagemaker(…)} ({@link SageMakerTraining}) the step instead runs a
 * SageMaker training job (managed spot optional) and watches it from the controller; it needs no
 * {@code node}. See {@link SageMakerTrainingExecution}.
 */
public class TrainModelStep extends Step {
    private final String command;
    private int gpus = 1;
    private int minMemoryGb;
    private int maxWaitMinutes = GpuAsk.DEFAULT_MAX_WAIT_MINUTES;
    private int timeoutMinutes;
    private Map<String, Object> outputs = new LinkedHashMap<>();
    private String id = "";
    private SageMakerTraining sagemaker;

    /** @param command the training command, e.g. {@code python train.py --epochs 3} (split like a shell, run without one) */
    @DataBoundConstructor
    public TrainModelStep(String command) {
        this.command = command == null ? "" : command;
    }

    /** @return the training command */
    public String getCommand() {
        return command;
    }

    /** @return how many GPUs the command gets (default 1; 0 runs without GPUs) */
    public int getGpus() {
        return gpus;
    }

    /** @param gpus how many GPUs the command gets; 0 runs without GPUs */
    @DataBoundSetter
    public void setGpus(int gpus) {
        this.gpus = gpus;
    }

    /** @return the least memory per GPU in GB as sold (default 0: any) */
    public int getMinMemoryGb() {
        return minMemoryGb;
    }

    /** @param minMemoryGb the least memory per GPU in GB as sold */
    @DataBoundSetter
    public void setMinMemoryGb(int minMemoryGb) {
        this.minMemoryGb = minMemoryGb;
    }

    /** @return how long to wait for busy GPUs (default 10 minutes) */
    public int getMaxWaitMinutes() {
        return maxWaitMinutes;
    }

    /** @param maxWaitMinutes how long to wait for busy GPUs; 0 fails at once */
    @DataBoundSetter
    public void setMaxWaitMinutes(int maxWaitMinutes) {
        this.maxWaitMinutes = maxWaitMinutes;
    }

    /** @return the command's time limit in minutes (default 0: none) */
    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /** @param timeoutMinutes the command's time limit in minutes; 0 for none */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    /** @return the declared outputs: name → path in the workspace */
    public Map<String, Object> getOutputs() {
        return outputs;
    }

    /** @param outputs name → path in the workspace; {@code model} and {@code metrics} have meaning */
    @DataBoundSetter
    public void setOutputs(Map<String, Object> outputs) {
        this.outputs = outputs == null ? new LinkedHashMap<>() : new LinkedHashMap<>(outputs);
    }

    /** @return the id of this run's report section ({@code training:<id>}); empty: {@code training} */
    public String getId() {
        return id;
    }

    /** @param id names this run's report section, e.g. {@code baseline} */
    @DataBoundSetter
    public void setId(String id) {
        this.id = id == null ? "" : id.strip();
    }

    /** @return the SageMaker job to train with instead of a command on this agent, or {@code null} */
    public SageMakerTraining getSagemaker() {
        return sagemaker;
    }

    /** @param sagemaker train on SageMaker (managed spot) instead of running a command on this agent */
    @DataBoundSetter
    public void setSagemaker(SageMakerTraining sagemaker) {
        this.sagemaker = sagemaker;
    }

    /**
     * Checks a SageMaker call on the controller, before anything is sent to AWS.
     *
     * @param build the build's externalizable id, e.g. {@code team/churn#42} (part of the job name)
     * @return the validated call
     * @throws AbortException listing every problem
     */
    SageMakerPlan sageMakerPlan(String build) throws AbortException {
        if (!command.isBlank()) {
            throw new AbortException("trainModel: command and sagemaker exclude each other: the SageMaker job's "
                    + "image runs the training");
        }
        checkId();
        TrainingJobSpec spec = sagemaker.toSpec();
        List<String> problems = SageMakerTrainer.problems(spec, sagemaker.toAllowlist());
        if (!problems.isEmpty()) {
            throw new AbortException("trainModel sagemaker: " + String.join("; ", problems));
        }
        String section = section();
        return new SageMakerPlan(spec, sagemaker.toAllowlist(), sagemaker.toCredentials(), sagemaker.getRegion(),
                build + "/" + section, section, sagemaker.isStreamLogs());
    }

    private String section() {
        return id.isEmpty() ? "training" : "training:" + id;
    }

    private void checkId() throws AbortException {
        if (!id.isEmpty() && !id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new AbortException("id: '" + id + "' may only contain letters, digits, '.', '_' and '-'");
        }
    }

    /**
     * Checks the arguments on the controller, before anything runs on the agent.
     *
     * @return the validated run
     * @throws AbortException naming the first bad argument
     */
    Plan plan() throws AbortException {
        if (gpus < 0) {
            throw new AbortException("gpus must not be negative but was " + gpus);
        }
        if (timeoutMinutes < 0) {
            throw new AbortException("timeoutMinutes must not be negative but was " + timeoutMinutes);
        }
        checkId();
        GpuAsk ask;
        try {
            ask = gpus == 0 ? null : new GpuAsk(gpus, minMemoryGb, maxWaitMinutes);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        return new Plan(CommandWords.split(command), TrainingOutputs.of(outputs),
                Duration.ofMinutes(timeoutMinutes), ask, section());
    }

    /**
     * A validated {@code trainModel} call.
     *
     * @param command program and arguments
     * @param outputs declared outputs
     * @param timeout time limit ({@code ZERO}: none)
     * @param gpus what to allocate, or {@code null} for none
     * @param section the report section
     */
    record Plan(List<String> command, TrainingOutputs outputs, Duration timeout, GpuAsk gpus, String section)
            implements java.io.Serializable {
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (sagemaker != null) {
            Run<?, ?> build = context.get(Run.class);
            return new SageMakerTrainingExecution(context, sageMakerPlan(build.getExternalizableId()),
                    AwsCredentialsResolver.JENKINS);
        }
        if (context.get(FilePath.class) == null) {
            throw new AbortException("trainModel runs the command in the workspace: call it inside node { … }, "
                    + "or pass sagemaker: sagemaker(…) to train on SageMaker");
        }
        return new Execution(context, plan());
    }

    /** Runs the command on the agent, records the report, fails the step when training failed. */
    static final class Execution extends AgentStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final Plan plan;

        Execution(StepContext context, Plan plan) {
            super(context);
            this.plan = plan;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            LogSink log = new LogSink(listener(), "");
            TrainingOutcome outcome = onAgent(new TrainModelCallable(plan.command(), plan.outputs(), plan.timeout(),
                    plan.gpus(), build().getFullDisplayName(), log));
            report(plan.section(), TrainingReports.toJson(outcome, plan.outputs(), plan.command()));
            if (outcome.gpu() != null) {
                outcome.gpu().toText().forEach(listener().getLogger()::println);
                if (GpuReports.isIdle(outcome.gpu())) {
                    FlowNode node = getContext().get(FlowNode.class);
                    if (node != null) {
                        node.addOrReplaceAction(new WarningAction(Result.UNSTABLE)
                                .withMessage("GPUs sat idle: " + GpuReports.idleWarning(outcome.gpu())));
                    }
                }
            }
            String failure = TrainingReports.failure(outcome.result());
            if (!failure.isEmpty()) {
                throw new AbortException(failure);
            }
            return TrainingReports.toReturnValue(outcome, plan.outputs());
        }
    }

    /** Registers the step as {@code trainModel}. */
    @Extension
    @Symbol("trainModel")
    public static class DescriptorImpl extends StepDescriptor {
        private static final Set<Class<?>> CONTEXT = Set.of(Run.class, TaskListener.class);

        @Override
        public String getFunctionName() {
            return "trainModel";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Train a model on this agent's GPUs or on SageMaker and record its outputs";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return CONTEXT; // the workspace only for a command on the agent: checked in start()
        }
    }
}
