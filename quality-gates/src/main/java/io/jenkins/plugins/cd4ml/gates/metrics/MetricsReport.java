package io.jenkins.plugins.cd4ml.gates.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Every metric of one model on one evaluation dataset, with the fairness metrics of the sensitive
 * columns when given. The JSON form ({@link #toJson()}) keeps scikit-learn's names and nesting:
 * {@code {"schemaVersion": …, "metrics": {"accuracy": …, "fairness": {"selection_rate": {"a": …}}}}}.
 *
 * @param source the evaluated file
 * @param spec how the file was read
 * @param groups the groups of the sensitive columns, or {@code null}
 * @param summary the model's summary
 */
public record MetricsReport(String source, PredictionSpec spec, Groups groups, MetricSummary summary)
        implements Serializable {

    /**
     * Computes the candidate's metrics.
     *
     * @param data the evaluation data
     * @param sensitive sensitive columns (read as categorical), possibly empty
     * @return the report
     */
    public static MetricsReport of(EvaluationData data, List<String> sensitive) {
        Groups groups = data.groups(sensitive);
        return new MetricsReport(data.source(), data.spec(), groups, summarize(data.candidate(), groups));
    }

    /**
     * Summarizes all rows of a model's predictions, unweighted.
     *
     * @param predictions the predictions
     * @param groups the groups or {@code null}
     * @return the summary
     */
    public static MetricSummary summarize(ModelPredictions predictions, Groups groups) {
        if (predictions instanceof BinaryPredictions binary) {
            return BinarySummary.of(binary, groups);
        }
        if (predictions instanceof MulticlassPredictions multiclass) {
            return MulticlassSummary.of(multiclass, groups, null);
        }
        return RegressionSummary.of((RegressionPredictions) predictions, groups, null);
    }

    /** @return the metric's value in this report, NaN when undefined */
    public double value(Metric metric) {
        return metric.valueOf(summary);
    }

    /** @return the versioned JSON report */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.put("source", source);
        ObjectNode metrics = root.putObject("metrics");
        metrics.put("task", spec.task().reportName());
        metrics.put("rows", summary.rows());
        metrics.put("label_column", spec.label());
        if (spec.score() != null) {
            metrics.put("score_column", spec.score());
        }
        if (spec.prediction() != null) {
            metrics.put("prediction_column", spec.prediction());
        }
        if (groups != null) {
            metrics.put("sensitive_column", groups.label());
        }
        for (Metric metric : Metric.all(spec.task())) {
            if (!metric.needsGroups() && !isGroupRate(metric)) {
                put(metrics, metric.id(), value(metric));
            }
        }
        if (summary instanceof BinarySummary binary) {
            binaryDetails(metrics, binary);
        } else if (summary instanceof MulticlassSummary multiclass && groups != null) {
            ObjectNode fairness = metrics.putObject("fairness");
            byGroup(fairness.putObject("accuracy_by_group"), multiclass.accuracyByGroup());
            put(fairness, "accuracy_difference", value(MulticlassMetric.ACCURACY_DIFFERENCE));
            groupSizes(fairness);
        } else if (summary instanceof RegressionSummary regression && groups != null) {
            byGroup(metrics.putObject("mae_by_group"), regression.maeByGroup());
            put(metrics, "mae_difference", value(RegressionMetric.MAE_DIFFERENCE));
            groupSizes(metrics.putObject("fairness"));
        }
        return root;
    }

    private void binaryDetails(ObjectNode metrics, BinarySummary binary) {
        putLabel(metrics, "positive_label", spec.positiveLabel());
        metrics.put("threshold", spec.effectiveThreshold());
        ConfusionMatrix confusion = binary.confusion();
        ObjectNode matrix = metrics.putObject("confusion_matrix");
        matrix.put("tp", confusion.tp());
        matrix.put("fp", confusion.fp());
        matrix.put("tn", confusion.tn());
        matrix.put("fn", confusion.fn());
        put(metrics, "selection_rate", confusion.selectionRate());
        if (groups == null) {
            return;
        }
        ObjectNode fairness = metrics.putObject("fairness");
        groupRate(fairness, "selection_rate", binary, ConfusionMatrix::selectionRate);
        groupRate(fairness, "true_positive_rate", binary, ConfusionMatrix::truePositiveRate);
        groupRate(fairness, "false_positive_rate", binary, ConfusionMatrix::falsePositiveRate);
        groupRate(fairness, "accuracy_by_group", binary, ConfusionMatrix::accuracy);
        groupSizes(fairness);
        for (Metric metric : BinaryMetric.values()) {
            if (metric.needsGroups()) {
                put(fairness, metric.id(), value(metric));
            }
        }
        fairness.put("four_fifths_rule_satisfied", value(BinaryMetric.DISPARATE_IMPACT) >= BinaryMetric.FOUR_FIFTHS);
    }

    private static boolean isGroupRate(Metric metric) {
        // reported with the confusion matrix (binary) rather than as headline metrics
        return metric == BinaryMetric.SELECTION_RATE || metric == BinaryMetric.TRUE_POSITIVE_RATE
                || metric == BinaryMetric.FALSE_POSITIVE_RATE;
    }

    private void groupRate(ObjectNode fairness, String name, BinarySummary binary,
            ToDoubleFunction<ConfusionMatrix> rate) {
        byGroup(fairness.putObject(name), binary.perGroup(rate));
    }

    private void groupSizes(ObjectNode parent) {
        ObjectNode sizes = parent.putObject("group_size");
        long[] counts = summary.groupSizes();
        for (int g = 0; g < counts.length; g++) {
            sizes.put(groups.names().get(g), counts[g]);
        }
    }

    private void byGroup(ObjectNode node, double[] values) {
        for (int g = 0; g < values.length; g++) {
            put(node, groups.names().get(g), values[g]);
        }
    }

    private static void put(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name); // undefined for these rows (e.g. AUC with one class)
        }
    }

    /** Writes a label as a number when it is one, so {@code 1} compares equal to a numeric reference. */
    private static void putLabel(ObjectNode node, String name, String label) {
        try {
            double number = Decimal.parse(label.trim());
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                node.put(name, (long) number);
            } else {
                node.put(name, number);
            }
        } catch (NumberFormatException e) {
            node.put(name, label);
        }
    }

    /** @return a human-readable summary */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Metrics of %s (%s, %d rows)%n", source, spec.task().reportName(),
                summary.rows()));
        for (Metric metric : Metric.all(spec.task())) {
            if (metric.needsGroups() && groups == null) {
                continue;
            }
            double value = value(metric);
            if (!Double.isNaN(value) || !metric.needsScores()) {
                text.append(String.format(Locale.ROOT, "  %-30s %s%n", metric.id(), format(value)));
            }
        }
        if (summary instanceof BinarySummary binary) {
            ConfusionMatrix c = binary.confusion();
            text.append(String.format(Locale.ROOT, "  confusion matrix: tp=%d fp=%d tn=%d fn=%d (threshold %s, positive label %s)%n",
                    c.tp(), c.fp(), c.tn(), c.fn(), spec.effectiveThreshold(), spec.positiveLabel()));
            if (groups != null) {
                text.append(String.format(Locale.ROOT, "  %-20s %8s %10s %10s %10s %10s%n", groups.label(), "rows",
                        "selection", "TPR", "FPR", "accuracy"));
                for (int g = 0; g < groups.count(); g++) {
                    ConfusionMatrix m = binary.byGroup().get(g);
                    text.append(String.format(Locale.ROOT, "  %-20s %8d %10s %10s %10s %10s%n", groups.names().get(g),
                            m.total(), format(m.selectionRate()), format(m.truePositiveRate()),
                            format(m.falsePositiveRate()), format(m.accuracy())));
                }
            }
        } else if (summary instanceof RegressionSummary regression && groups != null) {
            double[] mae = regression.maeByGroup();
            for (int g = 0; g < groups.count(); g++) {
                text.append(String.format(Locale.ROOT, "  mae[%s=%s] %s%n", groups.label(), groups.names().get(g),
                        format(mae[g])));
            }
        }
        return text.toString();
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.6f", value);
    }
}
