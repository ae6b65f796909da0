package io.jenkins.plugins.cd4ml.gpu.discovery;

import java.io.Serializable;

/**
 * One MIG (Multi-Instance GPU) device: a slice of a physical GPU that CUDA sees as its own device.
 *
 * @param parentIndex the index of the physical GPU it belongs to
 * @param index the MIG device index within its GPU
 * @param uuid its UUID ({@code MIG-…}); empty when {@code nvidia-smi -L} was not readable
 * @param profile the profile, e.g. {@code 3g.40gb}; empty when unknown
 * @param gpuInstanceId the GPU instance id
 * @param computeInstanceId the compute instance id
 * @param memoryTotalMiB its framebuffer memory in MiB
 */
public record MigInstance(int parentIndex, int index, String uuid, String profile, int gpuInstanceId,
        int computeInstanceId, long memoryTotalMiB) implements Serializable {
    public MigInstance {
        uuid = uuid == null ? "" : uuid;
        profile = profile == null ? "" : profile;
    }

    /**
     * @param newUuid the UUID from {@code nvidia-smi -L}
     * @param newProfile the profile from {@code nvidia-smi -L}
     * @return a copy with UUID and profile
     */
    public MigInstance withIdentity(String newUuid, String newProfile) {
        return new MigInstance(parentIndex, index, newUuid, newProfile, gpuInstanceId, computeInstanceId,
                memoryTotalMiB);
    }
}
