package io.jenkins.plugins.cd4ml.gpu.discovery;

import java.io.Serializable;

/**
 * Momentary readings of one GPU. Any reading may be {@code null} when the GPU does not report it.
 *
 * @param temperatureC GPU temperature in °C
 * @param slowdownTemperatureC the temperature at which the GPU starts to slow down, in °C
 * @param powerDrawW power draw in watts
 * @param powerLimitW the enforced power limit in watts
 * @param utilizationPercent GPU utilization in percent
 * @param memoryUsedMiB framebuffer memory in use, in MiB
 */
public record GpuReadings(Integer temperatureC, Integer slowdownTemperatureC, Double powerDrawW,
        Double powerLimitW, Integer utilizationPercent, Long memoryUsedMiB) implements Serializable {
}
