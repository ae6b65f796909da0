package io.jenkins.plugins.cd4ml.gpu.alloc;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The serializable description of a held allocation: what a Jenkins step keeps (and persists) on
 * the controller while the locks stay held in the agent's JVM. Release it with
 * {@link GpuAllocator#release(String)} on the same agent.
 *
 * @param id the allocation id, unique in the agent JVM
 * @param devices the devices, in the order they appear in the environment
 * @param environment {@code CUDA_VISIBLE_DEVICES}, {@code NVIDIA_VISIBLE_DEVICES}, {@code CD4ML_GPU_UUIDS}
 * @param acquiredAt when the locks were taken
 * @param waited how long the request waited in the queue, in milliseconds
 */
public record GpuLease(String id, List<AllocatedDevice> devices, Map<String, String> environment, Instant acquiredAt,
        long waited) implements Serializable {
    public GpuLease {
        devices = List.copyOf(devices);
        environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
    }

    /** @return the UUIDs of the physical GPUs behind the devices (for telemetry) */
    public List<String> physicalGpuUuids() {
        return devices.stream().map(AllocatedDevice::gpuUuid).distinct().toList();
    }
}
