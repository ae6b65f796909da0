package io.jenkins.plugins.cd4ml.steps.gpu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.NonNull;
import io.jenkins.plugins.cd4ml.gpu.GpuStageReport;
import io.jenkins.plugins.cd4ml.gpu.alloc.AllocatedDevice;
import io.jenkins.plugins.cd4ml.gpu.telemetry.GpuUsage;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The GPU report of a stage as the build keeps it ({@code MlReportsAction} section
 * {@code gpu:<id>}) and as {@code trainModel} returns it. Views and trend charts read these
 * documents, so their shape is fixed by {@code schemaVersion}.
 */
final class GpuReports {
    /** Characters a report section id may not contain are replaced by {@code -}. */
    private static final Pattern UNSAFE_ID = Pattern.compile("[^A-Za-z0-9._-]");

    private GpuReports() {
    }

    /**
     * @param id the user's id for the block, or the flow node id
     * @return the section name, e.g. {@code gpu:train} (at most 100 id characters)
     */
    static String section(String id) {
        String safe = UNSAFE_ID.matcher(id.strip()).replaceAll("-");
        if (safe.isEmpty()) {
            safe = "stage";
        }
        return "gpu:" + (safe.length() > 100 ? safe.substring(0, 100) : safe);
    }

    /**
     * @param report the engine's stage report
     * @return the JSON document: {@code schemaVersion}, the devices, queue time, telemetry
     *     (per-GPU usage, idle share, energy), {@code idle} (whether the idle warning fired) and the
     *     warnings and notes
     */
    static ObjectNode toJson(@NonNull GpuStageReport report) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.set("devices", Json.mapper().valueToTree(report.devices()));
        root.put("waitedMillis", report.waitedMillis());
        root.put("durationSeconds", report.telemetry().duration().toMillis() / 1000.0);
        if (report.telemetry().idleShare() == null) {
            root.putNull("idleShare");
        } else {
            root.put("idleShare", report.telemetry().idleShare());
        }
        root.put("energyWh", report.telemetry().energyWh());
        root.put("idle", isIdle(report));
        root.set("telemetry", Json.mapper().valueToTree(report.telemetry()));
        return root;
    }

    /**
     * @param report the engine's stage report
     * @return {@link #toJson} as text
     */
    static String toJsonText(@NonNull GpuStageReport report) {
        try {
            return Json.mapper().writeValueAsString(toJson(report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param report the engine's stage report
     * @return whether the engine warned (the GPUs sat idle most of the time, see {@code docs/gpu.md})
     */
    static boolean isIdle(@NonNull GpuStageReport report) {
        return !report.telemetry().warnings().isEmpty();
    }

    /**
     * @param report the engine's stage report
     * @return the summary {@code trainModel} returns: device UUIDs, mean utilization per GPU,
     *     idle share, energy, warnings (JDK types only)
     */
    static Map<String, Object> summary(@NonNull GpuStageReport report) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("devices", new ArrayList<>(report.devices().stream().map(AllocatedDevice::uuid).toList()));
        Map<String, Object> utilization = new LinkedHashMap<>();
        for (GpuUsage usage : report.telemetry().gpus()) {
            utilization.put(usage.uuid(), usage.meanUtilizationPercent());
        }
        summary.put("meanUtilizationPercent", utilization);
        summary.put("idleShare", report.telemetry().idleShare());
        summary.put("energyWh", report.telemetry().energyWh());
        summary.put("waitedSeconds", report.waitedMillis() / 1000.0);
        summary.put("warnings", new ArrayList<>(report.telemetry().warnings()));
        return summary;
    }

    /**
     * @param report the engine's stage report
     * @return the warning shown on the step's node when the GPUs sat idle
     */
    static String idleWarning(@NonNull GpuStageReport report) {
        List<String> warnings = report.telemetry().warnings();
        return warnings.isEmpty() ? "" : String.join("; ", warnings);
    }
}
