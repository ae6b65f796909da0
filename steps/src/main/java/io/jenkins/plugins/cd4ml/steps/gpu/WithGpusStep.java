package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.cd4ml.steps.support.AgentStepExecution;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code withGpus}: runs its body on GPUs of the current agent that no other build holds.
 *
 * <pre>{@code
 * node('gpu && gpu-mem-40g') {
 *     withGpus(count: 2, minMemoryGb: 40, maxWaitMinutes: 30) {
 *         sh 'python train.py'      // sees CUDA_VISIBLE_DEVICES / NVIDIA_VISIBLE_DEVICES of its 2 GPUs
 *     }
 * }
 * }</pre>
 *
 * <p>Before the body: the agent's GPUs are scanned and health-checked, free healthy devices with
 * enough memory are locked (waiting, with a queue message in the log, while they are busy), and
 * telemetry sampling starts. After the body — on success, failure and abort — the devices are
 * released and the stage's GPU report goes to the build log and the build's ML reports (section
 * {@code gpu:<id>}). When the GPUs sat idle most of the time, the step gets a warning in the
 * Pipeline graph; the build result is not changed.
 */
public class WithGpusStep extends Step {
    private int count = 1;
    private int minMemoryGb;
    private int maxWaitMinutes = GpuAsk.DEFAULT_MAX_WAIT_MINUTES;
    private String id = "";

    /** All arguments are optional: {@code withGpus { … }} asks for one GPU. */
    @DataBoundConstructor
    public WithGpusStep() {
        // optional arguments only
    }

    /** @return how many GPUs (or MIG devices) the body gets (default 1) */
    public int getCount() {
        return count;
    }

    /** @param count how many GPUs (or MIG devices) the body gets, at least 1 */
    @DataBoundSetter
    public void setCount(int count) {
        this.count = count;
    }

    /** @return the least memory per device in GB as sold (default 0: any) */
    public int getMinMemoryGb() {
        return minMemoryGb;
    }

    /** @param minMemoryGb the least memory per device in GB as sold, e.g. 40 or 80 */
    @DataBoundSetter
    public void setMinMemoryGb(int minMemoryGb) {
        this.minMemoryGb = minMemoryGb;
    }

    /** @return how long to wait for busy GPUs before the step fails (default 10 minutes) */
    public int getMaxWaitMinutes() {
        return maxWaitMinutes;
    }

    /** @param maxWaitMinutes how long to wait for busy GPUs; 0 fails at once when none are free */
    @DataBoundSetter
    public void setMaxWaitMinutes(int maxWaitMinutes) {
        this.maxWaitMinutes = maxWaitMinutes;
    }

    /** @return the id of this block's GPU report; empty: the step's id in the Pipeline graph */
    public String getId() {
        return id;
    }

    /** @param id names this block's GPU report ({@code gpu:<id>}), e.g. the stage name */
    @DataBoundSetter
    public void setId(String id) {
        this.id = id == null ? "" : id.strip();
    }

    /** @return the request, validated */
    GpuAsk ask() {
        return new GpuAsk(count, minMemoryGb, maxWaitMinutes);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new WithGpusExecution(context, ask(), id);
    }

    /** Registers the step as {@code withGpus}. */
    @Extension
    @Symbol("withGpus")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "withGpus";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run the body on free GPUs of this agent, with telemetry";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return AgentStepExecution.AGENT_CONTEXT;
        }
    }
}
