package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Metrics of multiclass classifiers (macro averages are plain means over the classes present). */
public enum MulticlassMetric implements Metric {
    /** Share of correct predictions. */
    ACCURACY(false, MulticlassSummary::accuracy),
    /** Mean per-class precision. */
    MACRO_PRECISION(false, s -> s.averaged(0, false)),
    /** Mean per-class recall. */
    MACRO_RECALL(false, s -> s.averaged(1, false)),
    /** Mean per-class F1. */
    MACRO_F1(false, s -> s.averaged(2, false)),
    /** Per-class precision weighted by class support. */
    WEIGHTED_PRECISION(false, s -> s.averaged(0, true)),
    /** Per-class recall weighted by class support. */
    WEIGHTED_RECALL(false, s -> s.averaged(1, true)),
    /** Per-class F1 weighted by class support. */
    WEIGHTED_F1(false, s -> s.averaged(2, true)),
    /** Largest minus smallest group accuracy. */
    ACCURACY_DIFFERENCE(true, s -> Spread.difference(s.accuracyByGroup()));

    private final boolean needsGroups;
    private final ToDoubleFunction<MulticlassSummary> function;

    MulticlassMetric(boolean needsGroups, ToDoubleFunction<MulticlassSummary> function) {
        this.needsGroups = needsGroups;
        this.function = function;
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Task task() {
        return Task.MULTICLASS;
    }

    @Override
    public boolean higherIsBetter() {
        return this != ACCURACY_DIFFERENCE;
    }

    @Override
    public boolean needsGroups() {
        return needsGroups;
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public double valueOf(MetricSummary summary) {
        return function.applyAsDouble((MulticlassSummary) summary);
    }
}
