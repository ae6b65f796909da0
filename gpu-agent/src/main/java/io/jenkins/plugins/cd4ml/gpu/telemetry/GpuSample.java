package io.jenkins.plugins.cd4ml.gpu.telemetry;

import java.io.Serializable;
import java.time.Instant;

/**
 * One reading of one physical GPU. Readings the GPU does not report (e.g. utilization under MIG)
 * are {@code null}.
 *
 * @param time when it was taken
 * @param uuid the GPU UUID
 * @param utilizationPercent GPU utilization in percent
 * @param memoryUsedMiB memory in use, in MiB
 * @param memoryTotalMiB total memory, in MiB
 * @param powerW power draw in watts
 * @param temperatureC temperature in °C
 */
public record GpuSample(Instant time, String uuid, Integer utilizationPercent, Long memoryUsedMiB,
        Long memoryTotalMiB, Double powerW, Integer temperatureC) implements Serializable {
}
