package io.jenkins.plugins.cd4ml.gpu.discovery;

import java.io.Serializable;
import java.util.List;

/**
 * Every GPU on one agent, or why there are none. An agent without a driver is a normal state
 * ({@link Status#NO_DRIVER}), not an error.
 *
 * @param status whether GPUs could be discovered
 * @param driverVersion the NVIDIA driver version, e.g. {@code 550.54.15}; empty without a driver
 * @param cudaVersion the highest CUDA version the driver supports, e.g. {@code 12.4}; empty when unknown
 * @param gpus the GPUs, ordered by index
 * @param message why discovery found nothing, or notes (e.g. MIG UUIDs unreadable); may be empty
 */
public record GpuInventory(Status status, String driverVersion, String cudaVersion, List<Gpu> gpus,
        String message) implements Serializable {
    /** Outcome of discovery. */
    public enum Status {
        /** nvidia-smi answered. */
        AVAILABLE,
        /** nvidia-smi is not installed: a machine without NVIDIA GPUs. */
        NO_DRIVER,
        /** nvidia-smi is installed but failed (driver not loaded, GPU fell off the bus, timeout). */
        DRIVER_ERROR
    }

    public GpuInventory {
        driverVersion = driverVersion == null ? "" : driverVersion;
        cudaVersion = cudaVersion == null ? "" : cudaVersion;
        gpus = List.copyOf(gpus);
        message = message == null ? "" : message;
    }

    /**
     * @param message why
     * @return an inventory for a machine without an NVIDIA driver
     */
    public static GpuInventory noDriver(String message) {
        return new GpuInventory(Status.NO_DRIVER, "", "", List.of(), message);
    }

    /**
     * @param message what failed
     * @return an inventory for a machine whose driver does not answer
     */
    public static GpuInventory driverError(String message) {
        return new GpuInventory(Status.DRIVER_ERROR, "", "", List.of(), message);
    }

    /** @return whether at least one GPU was found */
    public boolean hasGpus() {
        return status == Status.AVAILABLE && !gpus.isEmpty();
    }
}
