package io.jenkins.plugins.cd4ml.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.cd4ml.Cd4mlVersion;
import io.jenkins.plugins.cd4ml.gpu.AgentFacts;
import io.jenkins.plugins.cd4ml.steps.support.AgentStepExecution;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code cd4mlInfo}: the plugin version and the facts of the agent the enclosing {@code node}
 * runs on (Java, operating system, CPUs, whether the NVIDIA driver tools are installed).
 *
 * <pre>{@code
 * node('gpu') {
 *     def info = cd4mlInfo()
 *     echo "cd4ml ${info.pluginVersion} on ${info.osName}/${info.osArch}, GPU tools: ${info.nvidiaSmi}"
 * }
 * }</pre>
 *
 * <p>Use it to check an agent before training, or to record where a model was built.
 */
public class Cd4mlInfoStep extends Step {
    private boolean probeGpu = true;

    /** No required arguments. */
    @DataBoundConstructor
    public Cd4mlInfoStep() {
        // all arguments are optional
    }

    /** @return whether to look for {@code nvidia-smi} on the agent's PATH (default {@code true}) */
    public boolean isProbeGpu() {
        return probeGpu;
    }

    /** @param probeGpu whether to look for {@code nvidia-smi} on the agent's PATH */
    @DataBoundSetter
    public void setProbeGpu(boolean probeGpu) {
        this.probeGpu = probeGpu;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, probeGpu);
    }

    /**
     * The map the step returns; keys are documented in {@code docs/steps.md}.
     *
     * @param pluginVersion the plugin's version
     * @param facts the agent's facts
     * @return an ordered map of JDK values (safe to keep in the Pipeline program state)
     */
    static Map<String, Object> describe(String pluginVersion, AgentFacts facts) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("pluginVersion", pluginVersion);
        info.put("javaVersion", facts.javaVersion());
        info.put("javaVendor", facts.javaVendor());
        info.put("osName", facts.osName());
        info.put("osArch", facts.osArch());
        info.put("cpuCount", facts.cpuCount());
        info.put("nvidiaSmi", facts.nvidiaSmiPresent());
        info.put("nvidiaSmiPath", facts.nvidiaSmiPath());
        return info;
    }

    /** Asks the agent for its facts, off the CPS thread. */
    static final class Execution extends AgentStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final boolean probeGpu;

        Execution(StepContext context, boolean probeGpu) {
            super(context);
            this.probeGpu = probeGpu;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return describe(Cd4mlVersion.get(), onAgent(new AgentFactsCallable(probeGpu)));
        }
    }

    /** Registers the step as {@code cd4mlInfo}. */
    @Extension
    @Symbol("cd4mlInfo")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "cd4mlInfo";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Show the cd4ml version and the agent's Java, OS and GPU facts";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return AgentStepExecution.AGENT_CONTEXT;
        }
    }
}
