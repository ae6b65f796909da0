package io.jenkins.plugins.cd4ml.steps.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One column of a drift report: its type and every distance metric by name (PSI, Jensen–Shannon,
 * KS, …), or the problem that kept it from being compared.
 */
public final class DriftColumn {
    private static final List<String> NOT_METRICS = List.of("type", "exact", "baseline_count", "current_count",
            "categories", "status", "problem");

    private final String column;
    private final String type;
    private final boolean exact;
    private final List<Fact> metrics;
    private final String problem;
    private final Map<String, Double> values;

    DriftColumn(String column, String type, boolean exact, List<Fact> metrics, String problem,
            Map<String, Double> values) {
        this.values = Map.copyOf(values);
        this.column = column;
        this.type = type;
        this.exact = exact;
        this.metrics = List.copyOf(metrics);
        this.problem = problem;
    }

    /**
     * @param columns the report's {@code columns} object
     * @return one entry per column, in report order
     */
    static List<DriftColumn> read(JsonNode columns) {
        List<DriftColumn> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode node = entry.getValue();
            if (!node.isObject()) {
                continue;
            }
            List<Fact> metrics = new ArrayList<>();
            Map<String, Double> values = new java.util.HashMap<>();
            node.fields().forEachRemaining(metric -> {
                if (!NOT_METRICS.contains(metric.getKey()) && (metric.getValue().isNumber() || metric.getValue().isNull())) {
                    metrics.add(new Fact(metric.getKey(),
                            metric.getValue().isNull() ? "undefined" : JsonText.format(metric.getValue())));
                    if (metric.getValue().isNumber()) {
                        values.put(metric.getKey(), metric.getValue().doubleValue());
                    }
                }
            });
            JsonNode exact = node.get("exact");
            result.add(new DriftColumn(entry.getKey(), JsonText.text(node, "type"),
                    exact == null || exact.asBoolean(true), metrics, JsonText.text(node, "problem"), values));
        }
        return result;
    }

    public String getColumn() {
        return column;
    }

    public String getType() {
        return type;
    }

    /** @return false when the metrics were computed from a sketch (approximate) */
    public boolean isExact() {
        return exact;
    }

    /** @return each metric by name, e.g. {@code psi = 0.456} */
    public List<Fact> getMetrics() {
        return metrics;
    }

    /**
     * @param metric a metric name, e.g. {@code psi}
     * @return its exact value, if the column has it
     */
    java.util.OptionalDouble value(String metric) {
        Double value = values.get(metric);
        return value == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(value);
    }

    /** @return why the column could not be compared, or "" */
    public String getProblem() {
        return problem;
    }
}
