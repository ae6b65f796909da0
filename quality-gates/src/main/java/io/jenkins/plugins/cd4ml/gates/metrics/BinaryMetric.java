package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Metrics of binary classifiers, including fairness across the groups of a sensitive column. */
public enum BinaryMetric implements Metric {
    /** Share of correct predictions. */
    ACCURACY(true, false, false, s -> s.confusion().accuracy()),
    /** Mean of the true positive and true negative rates. */
    BALANCED_ACCURACY(true, false, false, s -> s.confusion().balancedAccuracy()),
    /** tp / (tp + fp). */
    PRECISION(true, false, false, s -> s.confusion().precision()),
    /** tp / (tp + fn). */
    RECALL(true, false, false, s -> s.confusion().recall()),
    /** Harmonic mean of precision and recall. */
    F1(true, false, false, s -> s.confusion().f1()),
    /** Area under the ROC curve of the score (ties as scikit-learn). */
    ROC_AUC(true, false, true, BinarySummary::rocAuc),
    /** Average precision of the score (scikit-learn's step-wise definition). */
    AVERAGE_PRECISION(true, false, true, BinarySummary::averagePrecision),
    /** Mean cross-entropy of the score as probability of the positive label. */
    LOG_LOSS(false, false, true, BinarySummary::logLoss),
    /** Mean squared difference between score and label. */
    BRIER(false, false, true, BinarySummary::brier),
    /** Share of rows predicted positive (of a slice, when the gate names one). */
    SELECTION_RATE(true, false, false, s -> s.confusion().selectionRate()),
    /** tp / (tp + fn), NaN without positive labels. */
    TRUE_POSITIVE_RATE(true, false, false, s -> s.confusion().truePositiveRate()),
    /** fp / (fp + tn), NaN without negative labels. */
    FALSE_POSITIVE_RATE(false, false, false, s -> s.confusion().falsePositiveRate()),
    /** Largest minus smallest group selection rate. */
    DEMOGRAPHIC_PARITY_DIFFERENCE(false, true, false,
            s -> Spread.difference(s.perGroup(ConfusionMatrix::selectionRate))),
    /** Smallest over largest group selection rate. */
    DEMOGRAPHIC_PARITY_RATIO(true, true, false, s -> Spread.ratio(s.perGroup(ConfusionMatrix::selectionRate))),
    /** Largest minus smallest group true positive rate. */
    EQUAL_OPPORTUNITY_DIFFERENCE(false, true, false,
            s -> Spread.difference(s.perGroup(ConfusionMatrix::truePositiveRate))),
    /** The larger of the true-positive-rate and false-positive-rate spreads. */
    EQUALIZED_ODDS_DIFFERENCE(false, true, false,
            s -> Math.max(Spread.difference(s.perGroup(ConfusionMatrix::truePositiveRate)),
                    Spread.difference(s.perGroup(ConfusionMatrix::falsePositiveRate)))),
    /** Largest minus smallest group accuracy. */
    ACCURACY_DIFFERENCE(false, true, false, s -> Spread.difference(s.perGroup(ConfusionMatrix::accuracy))),
    /**
     * Selection rate of the least selected group over that of the most selected one; the
     * four-fifths rule asks for at least 0.8.
     */
    DISPARATE_IMPACT(true, true, false, s -> Spread.ratio(s.perGroup(ConfusionMatrix::selectionRate)));

    /** The four-fifths rule of the US EEOC guidelines: disparate impact of at least 0.8. */
    public static final double FOUR_FIFTHS = 0.8;

    private final boolean higherIsBetter;
    private final boolean needsGroups;
    private final boolean needsScores;
    private final ToDoubleFunction<BinarySummary> function;

    BinaryMetric(boolean higherIsBetter, boolean needsGroups, boolean needsScores,
            ToDoubleFunction<BinarySummary> function) {
        this.higherIsBetter = higherIsBetter;
        this.needsGroups = needsGroups;
        this.needsScores = needsScores;
        this.function = function;
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Task task() {
        return Task.BINARY;
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
        return needsScores;
    }

    @Override
    public double valueOf(MetricSummary summary) {
        return function.applyAsDouble((BinarySummary) summary);
    }
}
