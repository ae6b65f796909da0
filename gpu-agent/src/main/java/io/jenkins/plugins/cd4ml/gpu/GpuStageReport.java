package io.jenkins.plugins.cd4ml.gpu;

import io.jenkins.plugins.cd4ml.gpu.alloc.AllocatedDevice;
import io.jenkins.plugins.cd4ml.gpu.telemetry.GpuUsage;
import io.jenkins.plugins.cd4ml.gpu.telemetry.TelemetryReport;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The GPU report of one stage ({@code withGpus} block) or one {@code cd4ml train} run: which
 * devices it held, how long it queued, and what the GPUs did.
 *
 * @param devices the devices held
 * @param waitedMillis how long the request queued before it got them
 * @param telemetry what the GPUs did while held
 */
public record GpuStageReport(List<AllocatedDevice> devices, long waitedMillis, TelemetryReport telemetry)
        implements Serializable {
    public GpuStageReport {
        devices = List.copyOf(devices);
    }

    /** @return the report as lines of text for build logs and the CLI */
    public List<String> toText() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "GPU report: %d device(s), %s, energy %.3f Wh%s", devices.size(),
                formatDuration(telemetry.duration().toMillis()), telemetry.energyWh(),
                telemetry.idleShare() == null ? "" : String.format(Locale.ROOT, ", idle %.0f%%",
                        telemetry.idleShare() * 100)));
        if (waitedMillis > 0) {
            lines.add("  queued " + formatDuration(waitedMillis) + " for free GPUs");
        }
        for (AllocatedDevice device : devices) {
            lines.add("  " + device.describe() + " " + device.uuid());
        }
        for (GpuUsage gpu : telemetry.gpus()) {
            lines.add(String.format(Locale.ROOT,
                    "  %s: %d sample(s), utilization mean %s peak %s, memory mean %s peak %s of %s MiB, %.3f Wh",
                    gpu.uuid(), gpu.samples(), percent(gpu.meanUtilizationPercent()),
                    gpu.peakUtilizationPercent() == null ? "n/a" : gpu.peakUtilizationPercent() + "%",
                    gpu.meanMemoryUsedMiB() == null ? "n/a" : String.format(Locale.ROOT, "%.0f", gpu.meanMemoryUsedMiB()),
                    gpu.peakMemoryUsedMiB() == null ? "n/a" : gpu.peakMemoryUsedMiB().toString(),
                    gpu.memoryTotalMiB() == null ? "n/a" : gpu.memoryTotalMiB().toString(), gpu.energyWh()));
        }
        telemetry.warnings().forEach(w -> lines.add("  WARNING: " + w));
        telemetry.notes().forEach(n -> lines.add("  note: " + n));
        return lines;
    }

    private static String percent(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    private static String formatDuration(long millis) {
        long seconds = Math.round(millis / 1000.0);
        return seconds >= 60 ? seconds / 60 + " min " + seconds % 60 + " s" : seconds + " s";
    }
}
