package io.jenkins.plugins.cd4ml.gpu.health;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the pre-flight check demands of a GPU before it is handed out.
 *
 * @param maxTemperatureC a GPU hotter than this (°C) is unhealthy
 * @param minDriverVersion the oldest acceptable driver, e.g. {@code 535.104}; empty for no minimum
 * @param minCudaVersion the oldest acceptable CUDA version the driver supports, e.g. {@code 12.2}; empty for none
 * @param requirePersistenceMode whether persistence mode off makes a GPU unhealthy (otherwise a warning)
 * @param xidWindow how far back kernel XID errors count (journal timestamps; dmesg lines have none and always count)
 */
public record HealthPolicy(int maxTemperatureC, String minDriverVersion, String minCudaVersion,
        boolean requirePersistenceMode, Duration xidWindow) implements Serializable {
    /** The default temperature limit: most data-center GPUs slow down at 85–90 °C. */
    public static final int DEFAULT_MAX_TEMPERATURE_C = 85;

    public HealthPolicy {
        minDriverVersion = minDriverVersion == null ? "" : minDriverVersion.strip();
        minCudaVersion = minCudaVersion == null ? "" : minCudaVersion.strip();
        xidWindow = xidWindow == null ? Duration.ofHours(24) : xidWindow;
    }

    /** @return 85 °C, no version minimum, persistence mode as a warning, XIDs of the last 24 hours */
    public static HealthPolicy defaults() {
        return new HealthPolicy(DEFAULT_MAX_TEMPERATURE_C, "", "", false, Duration.ofHours(24));
    }

    /**
     * @param driver the oldest acceptable driver version
     * @param cuda the oldest acceptable CUDA version
     * @return a copy with these minimums
     */
    public HealthPolicy withMinimums(String driver, String cuda) {
        return new HealthPolicy(maxTemperatureC, driver, cuda, requirePersistenceMode, xidWindow);
    }
}
