package io.jenkins.plugins.cd4ml.steps.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The per-group metrics of one sensitive attribute (rows: groups, columns: metrics) and the gap of
 * each metric (largest minus smallest group value), as a fairness gate judges it.
 */
public final class FairnessMatrix {
    private final String attribute;
    private final List<String> metrics;
    private final List<Row> rows;
    private final Map<String, Double> gaps;

    private FairnessMatrix(String attribute, List<String> metrics, List<Row> rows, Map<String, Double> gaps) {
        this.attribute = attribute;
        this.metrics = List.copyOf(metrics);
        this.rows = List.copyOf(rows);
        this.gaps = gaps;
    }

    /** The support column of the gate engine's shape: no gap is computed for it. */
    static final String ROWS = "rows";
    /** Suffix of the baseline's column of a metric. */
    static final String BASELINE = " (baseline)";

    /**
     * Reads a gate report's {@code fairness} value. The quality-gate engine writes an array of
     * {@code {attribute, columns, metrics: [names], groups: [{group, rows, candidate: {…}, baseline: {…}}]}}
     * (docs/quality-gates.md); the matrix then has a {@value #ROWS} column and, per metric, the
     * candidate's column followed by the baseline's (named with {@value #BASELINE}) when there is a
     * baseline. The older hand-written shape {@code {attribute, groups: [{group, metrics: {…}}], gaps: {…}}}
     * is still read.
     *
     * @param fairness a {@code fairness} value: one attribute object or an array of them
     * @return one matrix per attribute
     */
    static List<FairnessMatrix> read(JsonNode fairness) {
        List<FairnessMatrix> result = new ArrayList<>();
        if (fairness == null) {
            return result;
        }
        if (fairness.isArray()) {
            fairness.forEach(node -> result.addAll(read(node)));
        } else if (fairness.isObject()) {
            result.add(readOne(fairness));
        }
        return result;
    }

    private static FairnessMatrix readOne(JsonNode node) {
        Set<String> metricNames = new LinkedHashSet<>();
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        List<JsonNode> groups = JsonText.array(node, "groups");
        boolean engineShape = groups.stream().anyMatch(g -> g.has("candidate") || g.has(ROWS));
        if (engineShape) {
            engineColumns(node, groups, metricNames);
        }
        for (JsonNode group : groups) {
            Map<String, Double> metricValues = new LinkedHashMap<>();
            if (engineShape) {
                JsonText.number(group, ROWS).ifPresent(rows -> metricValues.put(ROWS, rows));
                putNumbers(metricValues, JsonText.object(group, "candidate"), "");
                putNumbers(metricValues, JsonText.object(group, "baseline"), BASELINE);
            } else {
                putNumbers(metricValues, JsonText.object(group, "metrics"), "");
                metricNames.addAll(metricValues.keySet());
            }
            values.put(JsonText.text(group, "group", "name"), metricValues);
        }
        List<String> metrics = new ArrayList<>(metricNames);
        List<Row> rows = new ArrayList<>();
        values.forEach((group, metricValues) -> rows.add(new Row(group, metrics.stream()
                .map(metric -> metricValues.containsKey(metric) ? JsonText.format(metricValues.get(metric)) : "")
                .toList())));
        Map<String, Double> gaps = new LinkedHashMap<>();
        JsonNode recorded = JsonText.object(node, "gaps");
        for (String metric : metrics) {
            if (engineShape && ROWS.equals(metric)) {
                continue; // group sizes differ by nature; their spread is no fairness gap
            }
            OptionalDouble given = JsonText.number(recorded, metric);
            if (given.isPresent()) {
                gaps.put(metric, given.getAsDouble());
            } else {
                var stats = values.values().stream().filter(v -> v.containsKey(metric))
                        .mapToDouble(v -> v.get(metric)).summaryStatistics();
                if (stats.getCount() > 0) {
                    gaps.put(metric, stats.getMax() - stats.getMin());
                }
            }
        }
        return new FairnessMatrix(JsonText.text(node, "attribute", "sensitiveFeature", "name"), metrics, rows, gaps);
    }

    /**
     * The columns of the engine's shape, in its order even where a group's value is undefined
     * (null): rows, then each metric, its baseline's column beside it.
     */
    private static void engineColumns(JsonNode node, List<JsonNode> groups, Set<String> columns) {
        Set<String> metrics = new LinkedHashSet<>();
        JsonText.array(node, "metrics").forEach(metric -> metrics.add(metric.asText()));
        boolean baseline = false;
        for (JsonNode group : groups) {
            JsonText.object(group, "candidate").fieldNames().forEachRemaining(metrics::add);
            JsonText.object(group, "baseline").fieldNames().forEachRemaining(metrics::add);
            baseline |= group.path("baseline").isObject();
        }
        columns.add(ROWS);
        for (String metric : metrics) {
            columns.add(metric);
            if (baseline) {
                columns.add(metric + BASELINE);
            }
        }
    }

    private static void putNumbers(Map<String, Double> values, JsonNode object, String suffix) {
        object.fields().forEachRemaining(metric -> {
            if (metric.getValue().isNumber()) {
                values.put(metric.getKey() + suffix, metric.getValue().doubleValue());
            }
        });
    }

    public String getAttribute() {
        return attribute;
    }

    /** @return the column headers */
    public List<String> getMetrics() {
        return metrics;
    }

    public List<Row> getRows() {
        return rows;
    }

    /** @return the gap of each metric, formatted, in column order */
    public List<String> getGapCells() {
        return metrics.stream().map(m -> gaps.containsKey(m) ? JsonText.format(gaps.get(m)) : "").toList();
    }

    Map<String, Double> gaps() {
        return gaps;
    }

    /** One group's row. */
    public static final class Row {
        private final String group;
        private final List<String> cells;

        Row(String group, List<String> cells) {
            this.group = group;
            this.cells = List.copyOf(cells);
        }

        public String getGroup() {
            return group;
        }

        public List<String> getCells() {
            return cells;
        }
    }
}
