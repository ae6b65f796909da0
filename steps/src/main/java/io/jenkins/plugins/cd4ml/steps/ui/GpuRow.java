package io.jenkins.plugins.cd4ml.steps.ui;

import com.fasterxml.jackson.databind.JsonNode;
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

    static GpuRow of(JsonNode node) {
        JsonNode utilization = JsonText.object(node, "utilization", "utilizationPercent");
        OptionalDouble mean = JsonText.number(node, "meanUtilization", "utilizationMean");
        if (mean.isEmpty()) {
            mean = JsonText.number(utilization, "mean", "avg");
        }
        OptionalDouble peak = JsonText.number(node, "peakUtilization", "utilizationMax");
        if (peak.isEmpty()) {
            peak = JsonText.number(utilization, "max", "peak");
        }
        String memory = JsonText.text(node, "peakMemoryMiB", "memoryUsedMaxMiB", "peakMemory");
        return new GpuRow(JsonText.text(node, "index", "id"), JsonText.text(node, "name", "model"), mean, peak,
                memory.isEmpty() ? "" : memory + " MiB");
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
