package io.jenkins.plugins.cd4ml.gates.metrics;

import java.io.Serializable;

/**
 * Counts of a binary classifier's outcomes (weighted counts when rows carry bootstrap weights).
 * Ratios follow scikit-learn 1.2.1: precision, recall and F1 are 0 when undefined
 * ({@code zero_division="warn"}); group rates (selection rate, TPR, FPR) are NaN when their
 * denominator is empty, so fairness spreads skip them.
 *
 * @param tp true positives
 * @param fp false positives
 * @param tn true negatives
 * @param fn false negatives
 */
public record ConfusionMatrix(long tp, long fp, long tn, long fn) implements Serializable {
    /** The matrix of no rows. */
    public static final ConfusionMatrix EMPTY = new ConfusionMatrix(0, 0, 0, 0);

    /**
     * Reads a matrix from a counts array laid out as {@code [tn, fp, fn, tp]}, i.e. indexed by
     * {@code 2 * actual + predicted}.
     *
     * @param counts the array
     * @param offset where the four counts start
     * @return the matrix
     */
    public static ConfusionMatrix fromCounts(long[] counts, int offset) {
        return new ConfusionMatrix(counts[offset + 3], counts[offset + 1], counts[offset], counts[offset + 2]);
    }

    /** @return the number (or weight) of rows */
    public long total() {
        return tp + fp + tn + fn;
    }

    /** @return rows whose label is positive */
    public long positives() {
        return tp + fn;
    }

    /** @return rows whose label is negative */
    public long negatives() {
        return tn + fp;
    }

    /** @return share of correct predictions; NaN without rows */
    public double accuracy() {
        return rate(tp + tn, total());
    }

    /** @return tp / (tp + fp), 0 when nothing is predicted positive */
    public double precision() {
        return zeroWhenUndefined(tp, tp + fp);
    }

    /** @return tp / (tp + fn), 0 when there are no positive labels */
    public double recall() {
        return zeroWhenUndefined(tp, tp + fn);
    }

    /** @return 2PR / (P + R) computed from precision and recall as scikit-learn does; 0 when both are 0 */
    public double f1() {
        double precision = precision();
        double recall = recall();
        double denominator = precision + recall;
        return denominator == 0 ? 0 : 2 * precision * recall / denominator;
    }

    /** @return the mean of the recalls of the classes present (scikit-learn ignores an absent class) */
    public double balancedAccuracy() {
        double tpr = truePositiveRate();
        double tnr = rate(tn, tn + fp);
        if (Double.isNaN(tpr)) {
            return tnr;
        }
        if (Double.isNaN(tnr)) {
            return tpr;
        }
        return (tpr + tnr) / 2;
    }

    /** @return share of rows predicted positive; NaN without rows */
    public double selectionRate() {
        return rate(tp + fp, total());
    }

    /** @return tp / (tp + fn); NaN without positive labels */
    public double truePositiveRate() {
        return rate(tp, tp + fn);
    }

    /** @return fp / (fp + tn); NaN without negative labels */
    public double falsePositiveRate() {
        return rate(fp, fp + tn);
    }

    private static double rate(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    private static double zeroWhenUndefined(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
