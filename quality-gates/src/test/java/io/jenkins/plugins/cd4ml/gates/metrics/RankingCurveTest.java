package io.jenkins.plugins.cd4ml.gates.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankingCurveTest {
    /**
     * Above the size at which the two classes are sorted on two threads, ROC AUC still equals the
     * Mann–Whitney statistic with ties counted half, computed here by a plain rank sum.
     */
    @Test
    void largeInputsSortedOnTwoThreadsGiveTheRankSumAuc() {
        SplittableRandom random = new SplittableRandom(7);
        int p = 400_000;
        int n = 500_000;
        double[] positives = new double[p];
        double[] negatives = new double[n];
        for (int i = 0; i < p; i++) {
            positives[i] = Math.round((0.6 + 0.3 * random.nextGaussian()) * 1000) / 1000.0; // many ties
        }
        for (int i = 0; i < n; i++) {
            negatives[i] = Math.round((0.4 + 0.3 * random.nextGaussian()) * 1000) / 1000.0;
        }
        double expected = rankSumAuc(positives.clone(), negatives.clone());

        double auc = RankingCurve.ofScores(positives, p, negatives, n).rocAuc();

        assertThat(auc).isCloseTo(expected, within(1e-12));
        assertThat(isSorted(positives) && isSorted(negatives)).isTrue();
    }

    /** Each positive's rank is the mean rank of its tie group among all scores, found by binary search. */
    private static double rankSumAuc(double[] positives, double[] negatives) {
        double[] all = new double[positives.length + negatives.length];
        System.arraycopy(positives, 0, all, 0, positives.length);
        System.arraycopy(negatives, 0, all, positives.length, negatives.length);
        Arrays.sort(all);
        double positiveRanks = 0;
        for (double score : positives) {
            int first = firstIndexAtLeast(all, score);
            int last = firstIndexAtLeast(all, Math.nextUp(score)); // one past the tie group
            positiveRanks += (first + 1 + last) / 2.0;
        }
        double p = positives.length;
        return (positiveRanks - p * (p + 1) / 2) / (p * negatives.length);
    }

    private static int firstIndexAtLeast(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static boolean isSorted(double[] values) {
        for (int i = 1; i < values.length; i++) {
            if (values[i - 1] > values[i]) {
                return false;
            }
        }
        return true;
    }
}
