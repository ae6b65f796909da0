package io.jenkins.plugins.cd4ml.gpu.telemetry;

import java.time.Duration;
import java.time.Instant;

/** Running aggregates for one GPU, so memory stays constant however long a build samples. */
final class UsageAccumulator {
    private final String uuid;
    private final int idleThresholdPercent;
    private int samples;
    private int utilizationSamples;
    private double utilizationSum;
    private Integer utilizationPeak;
    private int idleSamples;
    private int memorySamples;
    private double memorySum;
    private Long memoryPeak;
    private Long memoryTotal;
    private Double powerPeak;
    private Integer temperaturePeak;
    private double energyJoules;
    private Instant lastTime;
    private Double lastPower;

    UsageAccumulator(String uuid, int idleThresholdPercent) {
        this.uuid = uuid;
        this.idleThresholdPercent = idleThresholdPercent;
    }

    void add(GpuSample sample) {
        samples++;
        if (sample.utilizationPercent() != null) {
            int utilization = sample.utilizationPercent();
            utilizationSamples++;
            utilizationSum += utilization;
            utilizationPeak = utilizationPeak == null ? utilization : Math.max(utilizationPeak, utilization);
            if (utilization < idleThresholdPercent) {
                idleSamples++;
            }
        }
        if (sample.memoryUsedMiB() != null) {
            memorySamples++;
            memorySum += sample.memoryUsedMiB();
            memoryPeak = memoryPeak == null ? sample.memoryUsedMiB() : Math.max(memoryPeak, sample.memoryUsedMiB());
        }
        if (sample.memoryTotalMiB() != null) {
            memoryTotal = sample.memoryTotalMiB();
        }
        if (sample.temperatureC() != null) {
            temperaturePeak = temperaturePeak == null ? sample.temperatureC()
                    : Math.max(temperaturePeak, sample.temperatureC());
        }
        Double power = sample.powerW();
        if (power != null) {
            powerPeak = powerPeak == null ? power : Math.max(powerPeak, power);
            if (lastPower != null && lastTime != null && sample.time().isAfter(lastTime)) {
                double seconds = Duration.between(lastTime, sample.time()).toNanos() / 1e9;
                energyJoules += (lastPower + power) / 2 * seconds;
            }
            lastPower = power;
            lastTime = sample.time();
        }
    }

    int idleSamples() {
        return idleSamples;
    }

    int utilizationSamples() {
        return utilizationSamples;
    }

    GpuUsage toUsage() {
        return new GpuUsage(uuid, samples, utilizationSamples == 0 ? null : utilizationSum / utilizationSamples,
                utilizationPeak, memorySamples == 0 ? null : memorySum / memorySamples, memoryPeak, memoryTotal,
                utilizationSamples == 0 ? null : (double) idleSamples / utilizationSamples, energyJoules / 3600.0,
                powerPeak, temperaturePeak);
    }
}
