package io.jenkins.plugins.cd4ml.gpu.health;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The pre-flight result for every GPU of an agent.
 *
 * @param gpus one entry per GPU, by index
 * @param notes checks that could not run and why (e.g. the kernel log was not readable)
 */
public record HealthReport(List<GpuHealth> gpus, List<String> notes) implements Serializable {
    public HealthReport {
        gpus = List.copyOf(gpus);
        notes = List.copyOf(notes);
    }

    /**
     * @param uuid a GPU UUID
     * @return that GPU's result
     */
    public Optional<GpuHealth> forGpu(String uuid) {
        return gpus.stream().filter(g -> g.uuid().equals(uuid)).findFirst();
    }

    /**
     * @param uuid a GPU UUID
     * @return whether it may be allocated (unknown GPUs may not)
     */
    public boolean isAllocatable(String uuid) {
        return forGpu(uuid).map(g -> g.status().isAllocatable()).orElse(false);
    }

    /** @return whether any GPU is unhealthy */
    public boolean anyUnhealthy() {
        return gpus.stream().anyMatch(g -> g.status() == HealthStatus.UNHEALTHY);
    }
}
