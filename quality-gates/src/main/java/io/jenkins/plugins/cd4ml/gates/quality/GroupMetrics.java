package io.jenkins.plugins.cd4ml.gates.quality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.gates.metrics.BinaryPredictions;
import io.jenkins.plugins.cd4ml.gates.metrics.BinarySummary;
import io.jenkins.plugins.cd4ml.gates.metrics.ConfusionMatrix;
import io.jenkins.plugins.cd4ml.gates.metrics.EvaluationData;
import io.jenkins.plugins.cd4ml.gates.metrics.Groups;
import io.jenkins.plugins.cd4ml.gates.metrics.MetricSummary;
import io.jenkins.plugins.cd4ml.gates.metrics.MetricsReport;
import io.jenkins.plugins.cd4ml.gates.metrics.ModelPredictions;
import io.jenkins.plugins.cd4ml.gates.metrics.MulticlassSummary;
import io.jenkins.plugins.cd4ml.gates.metrics.RegressionSummary;
import io.jenkins.plugins.cd4ml.gates.metrics.Task;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The per-group metrics of one sensitive (or slice) attribute for the candidate and, when there is
 * one, the baseline: rows, and for binary tasks selection rate, TPR, FPR and accuracy (multiclass:
 * accuracy; regression: MAE). The values are those {@code cd4ml metrics --sensitive} reports for
 * the same columns: the same summaries of the same in-memory rows.
 *
 * @param columns the attribute's columns (several: their intersection, groups named {@code a|b})
 * @param metrics the metric names, in the order of each group's values
 * @param groups one entry per group, in the order of {@link Groups#names()}
 */
public record GroupMetrics(List<String> columns, List<String> metrics, List<Group> groups) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Canonical form: immutable lists. */
    public GroupMetrics {
        columns = List.copyOf(columns);
        metrics = List.copyOf(metrics);
        groups = List.copyOf(groups);
    }

    /**
     * One group's row.
     *
     * @param name the group (values joined by {@link Groups#SEPARATOR} for an intersection)
     * @param rows rows of the group (support)
     * @param candidate the candidate's value of each metric, NaN where undefined
     * @param baseline the baseline's value of each metric, or {@code null} without a baseline
     */
    public record Group(String name, long rows, List<Double> candidate, List<Double> baseline)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Canonical form: immutable lists. */
        public Group {
            candidate = List.copyOf(candidate);
            baseline = baseline == null ? null : List.copyOf(baseline);
        }
    }

    /**
     * Computes the groups of one attribute from data already in memory.
     *
     * @param data the evaluation data (with the baseline's predictions when there is a baseline)
     * @param columns the attribute's columns, each read as categorical
     * @return the per-group metrics
     */
    public static GroupMetrics of(EvaluationData data, List<String> columns) {
        Groups groups = data.groups(columns);
        Task task = data.spec().task();
        List<String> metrics = metricNames(task);
        MetricSummary candidate = summarize(data.candidate(), groups);
        MetricSummary baseline = data.baseline() == null ? null : summarize(data.baseline(), groups);
        long[] rows = candidate.groupSizes();
        List<double[]> candidateValues = values(candidate);
        List<double[]> baselineValues = baseline == null ? null : values(baseline);
        List<Group> result = new ArrayList<>();
        for (int g = 0; g < groups.count(); g++) {
            result.add(new Group(groups.names().get(g), rows[g], column(candidateValues, g),
                    baselineValues == null ? null : column(baselineValues, g)));
        }
        return new GroupMetrics(columns, metrics, result);
    }

    /** @return the attribute as reports name it: the columns joined by commas */
    public String attribute() {
        return String.join(",", columns);
    }

    /** @return how reports caption the groups: {@code by sex}, with {@code (candidate / baseline)} when both */
    public String caption() {
        return "by " + attribute() + (hasBaseline() ? " (candidate / baseline)" : "");
    }

    /**
     * @param group one of the groups
     * @param metric the index of a metric
     * @return the value as reports show it: the candidate's, and the baseline's after a slash
     */
    public static String cell(Group group, int metric) {
        String value = GateEvaluator.format(group.candidate().get(metric));
        return group.baseline() == null ? value : value + " / " + GateEvaluator.format(group.baseline().get(metric));
    }

    /** @return the groups as a report table: group, rows, then one column per metric */
    public ReportDocument.Table toTable() {
        List<String> header = new ArrayList<>(List.of("group", "rows"));
        header.addAll(metrics);
        List<List<String>> rows = new ArrayList<>();
        for (Group group : groups) {
            List<String> row = new ArrayList<>(List.of(group.name(), Long.toString(group.rows())));
            for (int m = 0; m < metrics.size(); m++) {
                row.add(cell(group, m));
            }
            rows.add(row);
        }
        return new ReportDocument.Table(caption(), header, rows);
    }

    /** @return whether the groups carry the baseline's values */
    public boolean hasBaseline() {
        return !groups.isEmpty() && groups.get(0).baseline() != null;
    }

    /**
     * The metric names, as {@code cd4ml metrics} names the per-group values ({@code accuracy} is
     * its {@code accuracy_by_group}, {@code mae} its {@code mae_by_group}).
     *
     * @param task the task
     * @return the names
     */
    public static List<String> metricNames(Task task) {
        return switch (task) {
            case BINARY -> List.of("selection_rate", "true_positive_rate", "false_positive_rate", "accuracy");
            case MULTICLASS -> List.of("accuracy");
            case REGRESSION -> List.of("mae");
        };
    }

    private static MetricSummary summarize(ModelPredictions predictions, Groups groups) {
        if (predictions instanceof BinaryPredictions binary && binary.score() != null) {
            // the group rates need the confusion matrices only: skip ranking the scores
            return BinarySummary.of(new BinaryPredictions(binary.actual(), binary.predicted(), null), groups);
        }
        return MetricsReport.summarize(predictions, groups);
    }

    /** @return per metric, the value of each group */
    private static List<double[]> values(MetricSummary summary) {
        if (summary instanceof BinarySummary binary) {
            return List.of(rates(binary, ConfusionMatrix::selectionRate), rates(binary, ConfusionMatrix::truePositiveRate),
                    rates(binary, ConfusionMatrix::falsePositiveRate), rates(binary, ConfusionMatrix::accuracy));
        }
        if (summary instanceof MulticlassSummary multiclass) {
            return List.of(multiclass.accuracyByGroup());
        }
        return List.of(((RegressionSummary) summary).maeByGroup());
    }

    private static double[] rates(BinarySummary summary, ToDoubleFunction<ConfusionMatrix> rate) {
        return summary.byGroup().stream().mapToDouble(rate).toArray();
    }

    private static List<Double> column(List<double[]> values, int group) {
        return values.stream().map(v -> v[group]).toList();
    }

    /**
     * Writes this attribute in the gate report's {@code fairness} shape (docs/quality-gates.md).
     *
     * @param node the object to fill
     */
    void writeTo(ObjectNode node) {
        node.put("attribute", attribute());
        columns.forEach(node.putArray("columns")::add);
        metrics.forEach(node.putArray("metrics")::add);
        var array = node.putArray("groups");
        for (Group group : groups) {
            ObjectNode entry = array.addObject();
            entry.put("group", group.name());
            entry.put("rows", group.rows());
            writeValues(entry.putObject("candidate"), group.candidate());
            if (group.baseline() != null) {
                writeValues(entry.putObject("baseline"), group.baseline());
            }
        }
    }

    private void writeValues(ObjectNode node, List<Double> values) {
        for (int m = 0; m < metrics.size(); m++) {
            double value = values.get(m);
            if (Double.isFinite(value)) {
                node.put(metrics.get(m), value);
            } else {
                node.putNull(metrics.get(m)); // e.g. TPR of a group without positive rows
            }
        }
    }
}
