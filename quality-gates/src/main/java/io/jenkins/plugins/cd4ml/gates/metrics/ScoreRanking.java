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
        int rows = scores.length;
        long[] keys = new long[rows];
        int[] index = new int[rows];
        for (int row = 0; row < rows; row++) {
            // +0.0 folds -0.0 into 0.0: one tie, as numpy's diff sees them; the key orders as the double
            long bits = Double.doubleToRawLongBits(scores[row] + 0.0);
            keys[row] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
            index[row] = row;
        }
        radixSort(keys, index);
        int[] ranks = new int[rows];
        int distinct = 0;
        for (int i = 0; i < rows; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                distinct++;
            }
            ranks[index[i]] = distinct - 1;
        }
        for (int row = 0; row < rows; row++) {
            ranks[row] = distinct - 1 - ranks[row];
        }
        return new ScoreRanking(ranks, distinct);
    }

    /**
     * Sorts unsigned keys ascending, carrying row indices along: a stable LSD radix sort on 16-bit
     * digits (linear, and sequential in memory, unlike one binary search per row), skipping digits
     * that all keys share.
     */
    private static void radixSort(long[] keys, int[] index) {
        int rows = keys.length;
        long[] keysOut = new long[rows];
        int[] indexOut = new int[rows];
        int[] start = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(start, 0);
            for (long key : keys) {
                start[(int) (key >>> shift) & 0xFFFF]++;
            }
            if (rows == 0 || start[(int) (keys[0] >>> shift) & 0xFFFF] == rows) {
                continue;
            }
            int sum = 0;
            for (int digit = 0; digit < start.length; digit++) {
                int count = start[digit];
                start[digit] = sum;
                sum += count;
            }
            for (int i = 0; i < rows; i++) {
                int at = start[(int) (keys[i] >>> shift) & 0xFFFF]++;
                keysOut[at] = keys[i];
                indexOut[at] = index[i];
            }
            System.arraycopy(keysOut, 0, keys, 0, rows);
            System.arraycopy(indexOut, 0, index, 0, rows);
        }
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
