package io.jenkins.plugins.cd4ml.gpu.telemetry;

import java.io.Serializable;

/**
 * What one GPU did during an allocation. Means are over samples; energy integrates power over
 * time (trapezoidal rule between consecutive samples). Values are {@code null} when the GPU never
 * reported the reading.
 *
 * @param uuid the GPU UUID
 * @param samples how many samples were taken
 * @param meanUtilizationPercent mean GPU utilization
 * @param peakUtilizationPercent peak GPU utilization
 * @param meanMemoryUsedMiB mean memory in use
 * @param peakMemoryUsedMiB peak memory in use
 * @param memoryTotalMiB total memory
 * @param idleShare share of samples with utilization below the idle threshold (0–1)
 * @param energyWh energy drawn, in watt-hours
 * @param peakPowerW peak power draw
 * @param peakTemperatureC peak temperature
 */
public record GpuUsage(String uuid, int samples, Double meanUtilizationPercent, Integer peakUtilizationPercent,
        Double meanMemoryUsedMiB, Long peakMemoryUsedMiB, Long memoryTotalMiB, Double idleShare, double energyWh,
        Double peakPowerW, Integer peakTemperatureC) implements Serializable {
}
