package io.jenkins.plugins.cd4ml.gpu.telemetry;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The GPU report of one allocation (one {@code withGpus} block, one {@code cd4ml train} run).
 *
 * @param start when sampling started
 * @param end when sampling stopped
 * @param gpus usage per GPU
 * @param idleShare share of all GPU samples that were idle (0–1), {@code null} when utilization was never reported
 * @param energyWh total energy of all GPUs, in watt-hours
 * @param warnings problems users should act on (e.g. GPUs idle most of the time)
 * @param notes what limited the measurement (failed samples, MIG without per-device utilization)
 */
public record TelemetryReport(Instant start, Instant end, List<GpuUsage> gpus, Double idleShare, double energyWh,
        List<String> warnings, List<String> notes) implements Serializable {
    public TelemetryReport {
        gpus = List.copyOf(gpus);
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** @return how long sampling ran */
    public Duration duration() {
        return Duration.between(start, end);
    }
}
