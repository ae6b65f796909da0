package io.jenkins.plugins.cd4ml.gates.quality;

import io.jenkins.plugins.cd4ml.gates.metrics.Metric;
import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One gate of a gates file: a metric, optionally on a slice of rows, checked against an absolute
 * threshold and/or against the baseline model.
 *
 * @param name the gate's name in reports
 * @param metric the metric id (resolved against the task when the file is parsed)
 * @param slice row filter: column to value; several entries intersect (empty for all rows)
 * @param sensitive sensitive columns for fairness metrics (empty for others)
 * @param threshold the absolute threshold, or {@code null}
 * @param direction which side of the threshold passes
 * @param minDelta the candidate must improve on the baseline by at least this much, or {@code null}
 * @param maxRegression the candidate may be worse than the baseline by at most this much, or {@code null}
 * @param minSupport fewest rows the slice (and each group) must have, else INCONCLUSIVE
 * @param severity how much a failure matters
 * @param location where the gate is written
 */
public record GateDefinition(String name, String metric, Map<String, String> slice, List<String> sensitive,
        Double threshold, Direction direction, Double minDelta, Double maxRegression, int minSupport,
        Severity severity, SourceLocation location) implements Serializable {

    /**
     * Canonical form: immutable collections; the slice keeps its entries' order (as written), so
     * that names and reports come out the same on every run.
     */
    public GateDefinition {
        Map<String, String> ordered = new LinkedHashMap<>();
        slice.forEach((column, value) -> ordered.put(Objects.requireNonNull(column), Objects.requireNonNull(value)));
        slice = Collections.unmodifiableMap(ordered);
        sensitive = List.copyOf(sensitive);
    }

    /** @return whether the gate compares with a baseline */
    public boolean comparesWithBaseline() {
        return minDelta != null || maxRegression != null;
    }

    /**
     * The smallest improvement over the baseline that passes (improvement is measured in the
     * metric's better direction).
     *
     * @return the bound, or NaN without a baseline comparison
     */
    public double improvementBound() {
        double bound = Double.NEGATIVE_INFINITY;
        if (minDelta != null) {
            bound = Math.max(bound, minDelta);
        }
        if (maxRegression != null) {
            bound = Math.max(bound, -maxRegression);
        }
        return comparesWithBaseline() ? bound : Double.NaN;
    }

    /**
     * A readable default name such as {@code accuracy[sex=F] >= 0.8}.
     *
     * @param metric the metric
     * @param slice the slice
     * @param sensitive the sensitive columns
     * @return the name
     */
    static String defaultName(Metric metric, Map<String, String> slice, List<String> sensitive) {
        StringBuilder name = new StringBuilder(metric.id());
        if (!sensitive.isEmpty() && metric.needsGroups()) {
            name.append(" by ").append(String.join("×", sensitive));
        }
        if (!slice.isEmpty()) {
            List<String> parts = new ArrayList<>();
            slice.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
            name.append(" [").append(String.join(", ", parts)).append(']');
        }
        return name.toString();
    }
}
