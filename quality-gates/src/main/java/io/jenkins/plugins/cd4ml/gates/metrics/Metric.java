package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A named model-quality or fairness metric: a pure function of a {@link MetricSummary}. The
 * constants live in {@link BinaryMetric}, {@link MulticlassMetric} and {@link RegressionMetric}.
 */
public interface Metric {
    /** @return the name used in reports and gates files, e.g. {@code roc_auc} */
    String id();

    /** @return the task the metric applies to */
    Task task();

    /** @return whether larger values are better (accuracy) or worse (log loss, disparity) */
    boolean higherIsBetter();

    /** @return whether the metric compares groups of a sensitive column */
    boolean needsGroups();

    /** @return whether the metric needs a score column (ROC AUC, log loss) */
    boolean needsScores();

    /**
     * Computes the metric.
     *
     * @param summary a summary of this metric's task
     * @return the value, NaN when it is undefined for these rows
     */
    double valueOf(MetricSummary summary);

    /**
     * Finds a metric by name.
     *
     * @param task the task
     * @param id the name
     * @return the metric, if the task has one of that name
     */
    static Optional<Metric> find(Task task, String id) {
        return all(task).stream().filter(metric -> metric.id().equals(id)).findFirst();
    }

    /**
     * @param task the task
     * @return every metric of the task
     */
    static List<Metric> all(Task task) {
        List<Metric> metrics = new ArrayList<>();
        switch (task) {
            case BINARY -> metrics.addAll(List.of(BinaryMetric.values()));
            case MULTICLASS -> metrics.addAll(List.of(MulticlassMetric.values()));
            case REGRESSION -> metrics.addAll(List.of(RegressionMetric.values()));
        }
        return metrics;
    }
}
