package io.jenkins.plugins.cd4ml.steps.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One GPU's use during a stage: mean and peak utilisation, peak memory.
 */
public final class GpuRow {
    private final String index;
    private final String name;
    private final OptionalDouble meanUtilization;
    private final OptionalDouble peakUtilization;
    private final String peakMemory;

    GpuRow(String index, String name, OptionalDouble meanUtilization, OptionalDouble peakUtilization,
            String peakMemory) {
        this.index = index;
        this.name = name;
        this.meanUtilization = meanUtilization;
        this.peakUtilization = peakUtilization;
        this.peakMemory = peakMemory;
    }

    /**
     * Reads a stage's GPU report as {@code withGpus} and {@code trainModel} write it: the allocated
     * {@code devices} (uuid, gpuIndex, gpuUuid, migProfile, name) joined with the telemetry's
     * per-GPU usage ({@code telemetry.gpus}, keyed by the physical GPU's uuid). Documents that list
     * {@code gpus} with their usage inline are read as they are.
     *
     * @param report a GPU stage report
     * @return one row per device
     */
    static List<GpuRow> read(JsonNode report) {
        Map<String, JsonNode> usage = new HashMap<>();
        for (JsonNode gpu : JsonText.array(JsonText.object(report, "telemetry"), "gpus")) {
            usage.put(JsonText.text(gpu, "uuid"), gpu);
        }
        List<GpuRow> rows = new ArrayList<>();
        for (JsonNode device : JsonText.array(report, "gpus", "devices")) {
            JsonNode used = usage.get(JsonText.text(device, "gpuUuid", "uuid"));
            rows.add(of(device, used == null ? MissingNode.getInstance() : used));
        }
        return rows;
    }

    static GpuRow of(JsonNode node) {
        return of(node, MissingNode.getInstance());
    }

    private static GpuRow of(JsonNode node, JsonNode usage) {
        JsonNode utilization = JsonText.object(node, "utilization", "utilizationPercent");
        OptionalDouble mean = first(JsonText.number(node, "meanUtilization", "utilizationMean"),
                JsonText.number(utilization, "mean", "avg"), JsonText.number(usage, "meanUtilizationPercent"));
        OptionalDouble peak = first(JsonText.number(node, "peakUtilization", "utilizationMax"),
                JsonText.number(utilization, "max", "peak"), JsonText.number(usage, "peakUtilizationPercent"));
        String memory = JsonText.text(node, "peakMemoryMiB", "memoryUsedMaxMiB", "peakMemory");
        if (memory.isEmpty()) {
            memory = JsonText.text(usage, "peakMemoryUsedMiB");
        }
        String index = JsonText.text(node, "index", "id", "gpuIndex");
        String mig = JsonText.text(node, "migProfile");
        return new GpuRow(mig.isEmpty() ? index : index + " (MIG " + mig + ")", JsonText.text(node, "name", "model"),
                mean, peak, memory.isEmpty() ? "" : memory + " MiB");
    }

    private static OptionalDouble first(OptionalDouble... values) {
        for (OptionalDouble value : values) {
            if (value.isPresent()) {
                return value;
            }
        }
        return OptionalDouble.empty();
    }

    public String getIndex() {
        return index;
    }

    public String getName() {
        return name;
    }

    public String getMeanUtilization() {
        return percent(meanUtilization);
    }

    public String getPeakUtilization() {
        return percent(peakUtilization);
    }

    public String getPeakMemory() {
        return peakMemory;
    }

    OptionalDouble meanUtilization() {
        return meanUtilization;
    }

    private static String percent(OptionalDouble value) {
        return value.isPresent() ? JsonText.format(value.getAsDouble()) + " %" : "";
    }
}
