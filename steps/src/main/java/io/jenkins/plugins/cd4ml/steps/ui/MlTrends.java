package io.jenkins.plugins.cd4ml.steps.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts of a job's trend page, computed from the ML reports stored with its builds (never by
 * reading datasets again): each gate metric (candidate and threshold), drift distance per feature,
 * fairness gaps and GPU utilisation.
 */
public final class MlTrends {
    private final Map<String, TrendChart> charts = new LinkedHashMap<>();

    /**
     * A build's number and its reports.
     *
     * @param number the build number
     * @param report its ML report view model
     */
    public record BuildReport(int number, MlReport report) {
    }

    /**
     * @param builds the builds, in any order
     * @return the charts
     */
    public static MlTrends of(List<BuildReport> builds) {
        MlTrends trends = new MlTrends();
        builds.stream().sorted(Comparator.comparingInt(BuildReport::number)).forEach(trends::add);
        return trends;
    }

    private void add(BuildReport build) {
        int number = build.number();
        for (ReportSection section : build.report().getSections()) {
            for (GateRow gate : section.getGates()) {
                TrendChart chart = chart("Gate " + gate.getName() + " (" + section.getKey() + ")");
                gate.candidateValue().ifPresent(v -> chart.add("candidate " + gate.getMetric(), false, number, v));
                gate.thresholdValue().ifPresent(v -> chart.add("threshold", true, number, v));
            }
            for (FairnessMatrix matrix : section.getFairness()) {
                TrendChart chart = chart("Fairness gaps by " + matrix.getAttribute() + " (" + section.getKey() + ")");
                matrix.gaps().forEach((metric, gap) -> chart.add(metric + " gap", false, number, gap));
            }
            if (section.isDriftSection()) {
                addDrift(section, number);
            }
            for (GpuRow gpu : section.getGpus()) {
                TrendChart chart = chart("GPU utilisation % (" + section.getKey() + ")");
                gpu.meanUtilization().ifPresent(v -> chart.add("GPU " + gpu.getIndex() + " mean", false, number, v));
            }
        }
    }

    /** The distance the drift checks judge (their metric), else PSI, per column. */
    private void addDrift(ReportSection section, int number) {
        for (DriftColumn column : section.getDriftColumns()) {
            String metric = section.getChecks().stream()
                    .filter(c -> c.getName().startsWith(column.getColumn() + ": "))
                    .map(c -> c.getName().substring(column.getColumn().length() + 2))
                    .findFirst().orElse("psi");
            column.value(metric).ifPresent(v -> chart("Drift " + metric + " per feature (" + section.getKey() + ")")
                    .add(column.getColumn(), false, number, v));
        }
    }

    private TrendChart chart(String title) {
        return charts.computeIfAbsent(title, TrendChart::new);
    }

    /** @return the charts that have data, in the order their first point appeared */
    public List<TrendChart> getCharts() {
        List<TrendChart> result = new ArrayList<>();
        charts.values().stream().filter(c -> !c.isEmpty()).forEach(result::add);
        return result;
    }
}
