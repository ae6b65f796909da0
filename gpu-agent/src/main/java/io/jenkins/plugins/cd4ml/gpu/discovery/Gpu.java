package io.jenkins.plugins.cd4ml.gpu.discovery;

import java.io.Serializable;
import java.util.List;

/**
 * One physical GPU as discovered on an agent.
 *
 * @param index the index nvidia-smi and CUDA (with the default PCI order) use
 * @param uuid the stable identity ({@code GPU-…}); locks and {@code CUDA_VISIBLE_DEVICES} use it
 * @param name the product name, e.g. {@code NVIDIA A100-SXM4-80GB}
 * @param pciBusId the PCI bus id, e.g. {@code 00000000:07:00.0}; kernel XID messages name GPUs by it
 * @param memoryTotalMiB total framebuffer memory in MiB
 * @param computeCapability e.g. {@code 8.0}; empty when the driver is too old to report it
 * @param persistenceMode whether persistence mode is enabled
 * @param migEnabled whether MIG mode is currently enabled
 * @param migInstances the MIG devices (empty without MIG)
 * @param ecc memory error state
 * @param readings temperature, power, utilization at discovery time
 */
public record Gpu(int index, String uuid, String name, String pciBusId, long memoryTotalMiB,
        String computeCapability, boolean persistenceMode, boolean migEnabled, List<MigInstance> migInstances,
        EccState ecc, GpuReadings readings) implements Serializable {
    public Gpu {
        computeCapability = computeCapability == null ? "" : computeCapability;
        migInstances = List.copyOf(migInstances);
    }

    /**
     * @param capability the compute capability from the CSV query
     * @return a copy with that compute capability
     */
    public Gpu withComputeCapability(String capability) {
        return new Gpu(index, uuid, name, pciBusId, memoryTotalMiB, capability, persistenceMode, migEnabled,
                migInstances, ecc, readings);
    }

    /**
     * @param instances MIG devices with their UUIDs and profiles
     * @return a copy with those MIG devices
     */
    public Gpu withMigInstances(List<MigInstance> instances) {
        return new Gpu(index, uuid, name, pciBusId, memoryTotalMiB, computeCapability, persistenceMode, migEnabled,
                instances, ecc, readings);
    }
}
