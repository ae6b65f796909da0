package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;

/**
 * The variables a {@code withGpus} body sees: {@code CUDA_VISIBLE_DEVICES},
 * {@code NVIDIA_VISIBLE_DEVICES}, {@code CD4ML_GPU_UUIDS}, {@code CD4ML_GPU_COUNT} (and
 * {@code CUDA_DEVICE_ORDER} with index naming), exactly as the lease gives them. They replace
 * values set outside the block, so a body never sees GPUs it does not hold. Merged with the
 * enclosing expander ({@code withEnv}, {@code environment {}}) by the step.
 */
final class GpuEnvironment extends EnvironmentExpander {
    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> variables;

    /** @param variables the lease's environment ({@code GpuLease.environment()}) */
    GpuEnvironment(Map<String, String> variables) {
        this.variables = new TreeMap<>(variables);
    }

    /** @return the variables this expander sets */
    Map<String, String> variables() {
        return Collections.unmodifiableMap(variables);
    }

    @Override
    public void expand(@NonNull EnvVars env) {
        variables.forEach(env::override);
    }
}
