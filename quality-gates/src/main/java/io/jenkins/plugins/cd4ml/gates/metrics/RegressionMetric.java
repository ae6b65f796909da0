package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Metrics of regression models. */
public enum RegressionMetric implements Metric {
    /** Root mean squared error. */
    RMSE(false, false, RegressionSummary::rmse),
    /** Mean absolute error. */
    MAE(false, false, RegressionSummary::mae),
    /** Coefficient of determination. */
    R2(true, false, RegressionSummary::r2),
    /** Mean absolute percentage error, as a fraction. */
    MAPE(false, false, RegressionSummary::mape),
    /** Largest minus smallest group mean absolute error. */
    MAE_DIFFERENCE(false, true, s -> Spread.difference(s.maeByGroup()));

    private final boolean higherIsBetter;
    private final boolean needsGroups;
    private final ToDoubleFunction<RegressionSummary> function;

    RegressionMetric(boolean higherIsBetter, boolean needsGroups, ToDoubleFunction<RegressionSummary> function) {
        this.higherIsBetter = higherIsBetter;
        this.needsGroups = needsGroups;
        this.function = function;
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public boolean higherIsBetter() {
        return higherIsBetter;
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
        return function.applyAsDouble((RegressionSummary) summary);
    }
}
