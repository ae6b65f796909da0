package io.jenkins.plugins.cd4ml.gates.metrics;

import io.jenkins.plugins.cd4ml.data.SideThread;
import java.util.Arrays;

/**
 * ROC AUC and average precision from the positive and negative counts at each distinct score,
 * visited from the highest score down. Ties are one threshold, exactly as scikit-learn's
 * {@code _binary_clf_curve}: the ROC curve joins tied points by a straight line (a tie counts as
 * half a correctly ordered pair) and average precision steps once per distinct score.
 *
 * <p>AUC is computed in integer arithmetic, so it is exact; average precision is
 * {@code sum_k (R_k - R_{k-1}) * P_k} as in {@code average_precision_score}.
 */
public final class RankingCurve {
    private long truePositives;
    private long falsePositives;
    private long concordantTimesTwo;
    private double precisionSum;

    /**
     * Adds the rows of the next lower distinct score.
     *
     * @param positives positive rows (or their weight) at this score
     * @param negatives negative rows (or their weight) at this score
     */
    public void add(long positives, long negatives) {
        if (positives == 0 && negatives == 0) {
            return;
        }
        concordantTimesTwo += negatives * (2 * truePositives + positives);
        truePositives += positives;
        falsePositives += negatives;
        if (positives > 0) {
            precisionSum += positives * ((double) truePositives / (truePositives + falsePositives));
        }
    }

    /**
     * A finished curve from its running totals (for loops that accumulate them without calling
     * {@link #add} per threshold).
     *
     * @param truePositives total positive weight
     * @param falsePositives total negative weight
     * @param concordantTimesTwo sum over thresholds of negatives * (2 * positives above + positives tied)
     * @param precisionSum sum over thresholds of positives * precision at that threshold
     * @return the curve
     */
    static RankingCurve fromTotals(long truePositives, long falsePositives, long concordantTimesTwo,
            double precisionSum) {
        RankingCurve curve = new RankingCurve();
        curve.truePositives = truePositives;
        curve.falsePositives = falsePositives;
        curve.concordantTimesTwo = concordantTimesTwo;
        curve.precisionSum = precisionSum;
        return curve;
    }

    /** @return the area under the ROC curve; NaN unless both classes are present */
    public double rocAuc() {
        if (truePositives == 0 || falsePositives == 0) {
            return Double.NaN;
        }
        return concordantTimesTwo / (2.0 * truePositives * falsePositives);
    }

    /** @return the average precision; NaN without positive rows */
    public double averagePrecision() {
        return truePositives == 0 ? Double.NaN : precisionSum / truePositives;
    }

    /**
     * The curve of unweighted rows, from the scores of positive and negative rows separately (each
     * sorted here, in place) — the fast path for a full dataset.
     *
     * @param positiveScores scores of rows whose label is positive (sorted in place)
     * @param positiveCount how many entries of {@code positiveScores} are used
     * @param negativeScores scores of rows whose label is negative (sorted in place)
     * @param negativeCount how many entries of {@code negativeScores} are used
     * @return the finished curve
     */
    public static RankingCurve ofScores(double[] positiveScores, int positiveCount,
            double[] negativeScores, int negativeCount) {
        sortBoth(positiveScores, positiveCount, negativeScores, negativeCount);
        RankingCurve curve = new RankingCurve();
        int p = positiveCount - 1;
        int n = negativeCount - 1;
        while (p >= 0 || n >= 0) {
            double score = p < 0 ? negativeScores[n]
                    : n < 0 ? positiveScores[p] : Math.max(positiveScores[p], negativeScores[n]);
            long positives = 0;
            while (p >= 0 && positiveScores[p] == score) {
                positives++;
                p--;
            }
            long negatives = 0;
            while (n >= 0 && negativeScores[n] == score) {
                negatives++;
                n--;
            }
            curve.add(positives, negatives);
        }
        return curve;
    }

    /** Below this many scores of each class, a second thread costs more than it saves. */
    private static final int PARALLEL_SORT = 1 << 18;

    /**
     * Sorts both classes' scores, on two threads when both are large: the two sorts share nothing,
     * and sorting was a fifth of a metrics run on ten million rows.
     */
    private static void sortBoth(double[] positives, int positiveCount, double[] negatives, int negativeCount) {
        if (Math.min(positiveCount, negativeCount) < PARALLEL_SORT) {
            sort(positives, positiveCount);
            sort(negatives, negativeCount);
            return;
        }
        SideThread other = SideThread.start("cd4ml-sort-positive-scores", () -> sort(positives, positiveCount));
        sort(negatives, negativeCount);
        other.await();
    }

    private static void sort(double[] values, int count) {
        // scores are finite (the reader refuses NaN); the radix sort beats a parallel sort on two cores
        io.jenkins.plugins.cd4ml.gates.drift.DoubleSorter.sort(values, count);
    }
}
