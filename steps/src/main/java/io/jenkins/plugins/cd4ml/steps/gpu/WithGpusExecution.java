package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.gpu.GpuStageReport;
import io.jenkins.plugins.cd4ml.gpu.alloc.AllocatedDevice;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuLease;
import io.jenkins.plugins.cd4ml.steps.support.MlReportsAction;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The block execution of {@code withGpus}. Allocation waits on the agent, so it runs on a
 * background thread, never on the CPS thread; then the body starts with the GPU variables, and its
 * callback releases the GPUs and records the report — on success and failure alike.
 *
 * <p>State that must survive a controller restart ({@code leaseId}, {@code bodyStarted}) is
 * persisted with the execution. The lease itself lives in the agent JVM, which keeps running:
 * when the body was running, the body resumes and its callback releases the GPUs; when Jenkins
 * restarted before the body started, {@link #onResume} releases a known lease and fails the step.
 */
final class WithGpusExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    /** Allocation waits and agent round trips; never the CPS thread. */
    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cd4ml withGpus");
        thread.setDaemon(true);
        return thread;
    });

    private final GpuAsk ask;
    private final String id;
    private volatile String leaseId;
    private volatile boolean bodyStarted;
    private volatile BodyExecution body;
    private transient volatile Future<?> allocation;
    private transient volatile boolean stopped;

    WithGpusExecution(StepContext context, GpuAsk ask, String id) {
        super(context);
        this.ask = ask;
        this.id = id;
    }

    @Override
    public boolean start() throws Exception {
        logger().println("withGpus: asking for " + ask.describe() + " (waiting at most " + ask.maxWaitMinutes()
                + " min)");
        allocation = BACKGROUND.submit(this::allocateAndStartBody);
        return false;
    }

    private void allocateAndStartBody() {
        StepContext context = getContext();
        try {
            FilePath workspace = context.get(FilePath.class);
            TaskListener listener = context.get(TaskListener.class);
            GpuLease lease = workspace.act(new AllocateGpusCallable(ask, context.get(Run.class).getFullDisplayName(),
                    new LogSink(listener, "withGpus: ")));
            leaseId = lease.id();
            if (stopped) {
                release(context);
                return;
            }
            for (AllocatedDevice device : lease.devices()) {
                listener.getLogger().println("withGpus: holding " + device.describe() + " " + device.uuid());
            }
            listener.getLogger().println("withGpus: CUDA_VISIBLE_DEVICES=" + lease.environment().get("CUDA_VISIBLE_DEVICES"));
            bodyStarted = true;
            body = context.newBodyInvoker()
                    .withContext(EnvironmentExpander.merge(context.get(EnvironmentExpander.class),
                            new GpuEnvironment(lease.environment())))
                    .withCallback(new Callback(this))
                    .start();
        } catch (Throwable t) {
            if (leaseId != null && body == null) { // the body never started: nothing else will release
                release(context);
            }
            if (!stopped) { // stop() has already completed the step with its cause
                context.onFailure(t);
            }
        }
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        stopped = true;
        BodyExecution running = body;
        if (running != null) {
            running.cancel(cause); // the callback releases the GPUs
            return;
        }
        Future<?> waiting = allocation;
        if (waiting != null) {
            waiting.cancel(true); // interrupts the wait on the agent: nothing is held afterwards
        }
        getContext().onFailure(cause);
    }

    @Override
    public void onResume() {
        if (bodyStarted) {
            return; // the body resumes; its callback releases the GPUs when it ends
        }
        StepContext context = getContext();
        BACKGROUND.submit(() -> {
            if (leaseId != null) {
                release(context);
            }
            context.onFailure(new AbortException("withGpus: Jenkins restarted before the block started;"
                    + " the GPUs were released, run the build again"));
        });
    }

    @Override
    public String getStatus() {
        if (leaseId == null) {
            return "waiting for " + ask.describe();
        }
        return "holding GPUs (lease " + leaseId + ")";
    }

    /**
     * Releases the GPUs on the agent, prints and records the stage report, and marks an idle
     * stage. Never throws: the body's own outcome must not be hidden by a reporting problem.
     */
    private void release(StepContext context) {
        String lease = leaseId;
        if (lease == null) {
            return;
        }
        PrintStream log = System.err;
        try {
            log = context.get(TaskListener.class).getLogger();
            GpuStageReport report = context.get(FilePath.class).act(new FinishGpusCallable(lease));
            if (report == null) {
                log.println("withGpus: GPUs of lease " + lease + " were already released (or the agent restarted);"
                        + " no GPU report");
                return;
            }
            report.toText().forEach(log::println);
            String section = GpuReports.section(id.isEmpty() ? nodeId(context) : id);
            MlReportsAction.record(context.get(Run.class), section, GpuReports.toJsonText(report));
            if (GpuReports.isIdle(report)) {
                FlowNode node = context.get(FlowNode.class);
                if (node != null) {
                    // the stage shows the warning; the build result stays as it is (see docs/steps.md)
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE)
                            .withMessage("GPUs sat idle: " + GpuReports.idleWarning(report)));
                }
            }
        } catch (InterruptedException e) {
            log.println("withGpus: interrupted while releasing GPUs of lease " + lease);
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.println("withGpus: could not finish the GPU report of lease " + lease + ": " + e);
        }
    }

    private static String nodeId(StepContext context) throws java.io.IOException, InterruptedException {
        FlowNode node = context.get(FlowNode.class);
        return node == null ? "stage" : node.getId();
    }

    private PrintStream logger() throws java.io.IOException, InterruptedException {
        return getContext().get(TaskListener.class).getLogger();
    }

    /** Runs when the body ends, however it ends; releases off the CPS thread, then completes the step. */
    private static final class Callback extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        private final WithGpusExecution execution;

        Callback(WithGpusExecution execution) {
            this.execution = execution;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            BACKGROUND.submit(() -> {
                execution.release(context);
                context.onSuccess(result);
            });
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            BACKGROUND.submit(() -> {
                execution.release(context);
                context.onFailure(t);
            });
        }
    }
}
