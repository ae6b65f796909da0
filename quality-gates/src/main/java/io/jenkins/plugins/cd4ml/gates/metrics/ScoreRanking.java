package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.Arrays;

/**
 * The rank of every row's score among the distinct scores (0 = highest), computed once so that
 * ROC AUC and average precision of many weighted resamples cost one linear pass each instead of
 * a sort.
 */
public final class ScoreRanking {
    private final int[] rankOfRow;
    private final int distinct;

    private ScoreRanking(int[] rankOfRow, int distinct) {
        this.rankOfRow = rankOfRow;
        this.distinct = distinct;
    }

    /**
     * Ranks scores; ties share a rank.
     *
     * @param scores one score per row, no NaN
     * @return the ranking
     */
    public static ScoreRanking of(double[] scores) {
        double[] sorted = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            sorted[i] = scores[i] + 0.0; // folds -0.0 into 0.0: one tie, as numpy's diff sees them
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        int[] ranks = new int[scores.length];
        for (int row = 0; row < scores.length; row++) {
            int at = Arrays.binarySearch(sorted, 0, distinct, scores[row] + 0.0);
            ranks[row] = distinct - 1 - at;
        }
        return new ScoreRanking(ranks, distinct);
    }

    /**
     * The rows ordered by descending score (ties in row order), by a counting sort on the ranks.
     *
     * @return row indices, highest score first
     */
    public int[] descendingOrder() {
        int[] start = new int[distinct + 1];
        for (int rank : rankOfRow) {
            start[rank + 1]++;
        }
        for (int rank = 0; rank < distinct; rank++) {
            start[rank + 1] += start[rank];
        }
        int[] order = new int[rankOfRow.length];
        for (int row = 0; row < rankOfRow.length; row++) {
            order[start[rankOfRow[row]]++] = row;
        }
        return order;
    }

    /**
     * @param row a row
     * @return its rank (0 = highest score)
     */
    public int rank(int row) {
        return rankOfRow[row];
    }

    /** @return the number of distinct scores */
    public int distinct() {
        return distinct;
    }

    /**
     * The ranking curve of weighted rows.
     *
     * @param positive 1 where the row's label is positive, else 0
     * @param weights the weight of each row (bootstrap multiplicity; 0 leaves a row out), or
     *     {@code null} for weight 1 everywhere
     * @return the finished curve
     */
    public RankingCurve curve(byte[] positive, int[] weights) {
        long[] scratch = new long[2 * distinct];
        for (int row = 0; row < rankOfRow.length; row++) {
            int weight = weights == null ? 1 : weights[row];
            scratch[2 * rankOfRow[row] + positive[row]] += weight;
        }
        RankingCurve curve = new RankingCurve();
        for (int rank = 0; rank < distinct; rank++) {
            curve.add(scratch[2 * rank + 1], scratch[2 * rank]);
        }
        return curve;
    }
}
