package io.jenkins.plugins.cd4ml.gpu.alloc;

import java.io.Serializable;

/**
 * One device handed to a build: a whole GPU or a MIG device.
 *
 * @param uuid the device UUID ({@code GPU-…} or {@code MIG-…})
 * @param gpuIndex the physical GPU's index
 * @param gpuUuid the physical GPU's UUID (telemetry samples physical GPUs)
 * @param migProfile the MIG profile (e.g. {@code 3g.40gb}); empty for a whole GPU
 * @param name the GPU product name
 * @param memoryMiB the device's memory in MiB
 */
public record AllocatedDevice(String uuid, int gpuIndex, String gpuUuid, String migProfile, String name,
        long memoryMiB) implements Serializable {
    /** @return whether this is a MIG device */
    public boolean isMig() {
        return !migProfile.isEmpty();
    }

    /** @return a short description, e.g. {@code GPU 3 (NVIDIA A100-SXM4-80GB, 80 GiB)} */
    public String describe() {
        String size = String.format(java.util.Locale.ROOT, "%.0f GiB", memoryMiB / 1024.0);
        return isMig() ? "MIG " + migProfile + " on GPU " + gpuIndex + " (" + uuid + ")"
                : "GPU " + gpuIndex + " (" + name + ", " + size + ")";
    }
}
