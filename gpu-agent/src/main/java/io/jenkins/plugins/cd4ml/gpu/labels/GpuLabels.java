package io.jenkins.plugins.cd4ml.gpu.labels;

import io.jenkins.plugins.cd4ml.gpu.discovery.Gpu;
import io.jenkins.plugins.cd4ml.gpu.discovery.GpuInventory;
import io.jenkins.plugins.cd4ml.gpu.discovery.MigInstance;
import io.jenkins.plugins.cd4ml.gpu.health.HealthReport;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The agent labels a GPU inventory earns: {@code gpu}, {@code gpu-<count>}, {@code gpu-<model>},
 * {@code gpu-mem-<N>g}, {@code cuda-<major>}, {@code cuda-<major>.<minor>}, {@code mig} and
 * {@code gpu-unhealthy}. Counts, models and memory only describe GPUs that pass the pre-flight
 * check, so a label never promises a GPU that would not be handed out.
 */
public final class GpuLabels {
    /** Set when at least one GPU fails the pre-flight check or the driver does not answer. */
    public static final String UNHEALTHY = "gpu-unhealthy";

    private GpuLabels() {
    }

    /**
     * @param inventory the discovered GPUs
     * @param health the pre-flight result
     * @return the labels, sorted; empty for a machine without a driver
     */
    public static SortedSet<String> of(GpuInventory inventory, HealthReport health) {
        SortedSet<String> labels = new TreeSet<>();
        if (inventory.status() == GpuInventory.Status.DRIVER_ERROR) {
            labels.add(UNHEALTHY);
            return labels;
        }
        if (!inventory.hasGpus()) {
            return labels;
        }
        List<Gpu> usable = inventory.gpus().stream().filter(g -> health.isAllocatable(g.uuid())).toList();
        if (usable.size() < inventory.gpus().size() || health.anyUnhealthy()) {
            labels.add(UNHEALTHY);
        }
        if (usable.isEmpty()) {
            return labels;
        }
        labels.add("gpu");
        labels.add("gpu-" + usable.size());
        for (Gpu gpu : usable) {
            labels.add("gpu-" + GpuModelNames.shortModel(gpu.name()));
            labels.add("gpu-mem-" + largestUnitGigabytes(gpu) + "g");
            if (gpu.migEnabled()) {
                labels.add("mig");
            }
        }
        String cuda = inventory.cudaVersion();
        if (cuda.matches("\\d+(\\.\\d+)*")) {
            String[] parts = cuda.split("\\.");
            labels.add("cuda-" + parts[0]);
            if (parts.length > 1) {
                labels.add("cuda-" + parts[0] + "." + parts[1]);
            }
        }
        return labels;
    }

    /** With MIG on, the largest piece a build can get is the largest MIG device, not the whole GPU. */
    private static int largestUnitGigabytes(Gpu gpu) {
        if (!gpu.migEnabled() || gpu.migInstances().isEmpty()) {
            return GpuModelNames.marketedGigabytes(gpu.name(), gpu.memoryTotalMiB());
        }
        int largest = 0;
        for (MigInstance instance : gpu.migInstances()) {
            largest = Math.max(largest, GpuModelNames.marketedGigabytes(instance.profile(), instance.memoryTotalMiB()));
        }
        return largest;
    }
}
