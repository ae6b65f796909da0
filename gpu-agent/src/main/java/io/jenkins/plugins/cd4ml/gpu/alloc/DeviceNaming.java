package io.jenkins.plugins.cd4ml.gpu.alloc;

/** How allocated devices are named in {@code CUDA_VISIBLE_DEVICES} and {@code NVIDIA_VISIBLE_DEVICES}. */
public enum DeviceNaming {
    /** {@code GPU-…}/{@code MIG-…} UUIDs: stable when GPUs are re-enumerated (the default). */
    UUID,
    /** Indices such as {@code 0,3}: for old tools that do not accept UUIDs. MIG devices always use UUIDs. */
    INDEX
}
