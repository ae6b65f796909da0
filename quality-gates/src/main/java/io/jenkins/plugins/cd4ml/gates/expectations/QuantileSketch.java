package io.jenkins.plugins.cd4ml.gates.expectations;

import java.util.Arrays;

/**
 * A deterministic, mergeable-buffer quantile sketch in the style of Manku, Rajagopalan and Lindsay
 * (MRL 1998): level {@code h} holds up to {@code k} values of weight 2^h; a full level is sorted
 * and every other value (alternating the offset, so rounding errors cancel rather than add up)
 * moves to level h + 1.
 *
 * <p>Why not DataSketches' KLL: its compaction coin flips come from an unseeded static
 * {@code Random}, so the same file can give a slightly different quantile on every run, and a gate
 * must give the same verdict in Jenkins and on a laptop. This sketch is exact up to {@code k}
 * values; beyond, each compaction at level h moves a rank by at most 2^h, which bounds the rank
 * error by {@code log2(n / k) / k} of n (0.27% for ten million values at k = 4096) and in practice
 * far less. Memory: at most {@code k} doubles per level, about 0.4 MiB for ten million values.
 */
final class QuantileSketch {
    private final int k;
    private double[][] levels = new double[1][];
    private int[] sizes = new int[1];
    private boolean[] oddOffset = new boolean[1];
    private long count;

    QuantileSketch(int k) {
        this.k = k;
        levels[0] = new double[k];
    }

    void update(double value) {
        count++;
        insert(0, value);
    }

    private void insert(int level, double value) {
        if (level == levels.length) {
            levels = Arrays.copyOf(levels, level + 1);
            sizes = Arrays.copyOf(sizes, level + 1);
            oddOffset = Arrays.copyOf(oddOffset, level + 1);
            levels[level] = new double[k];
        }
        levels[level][sizes[level]++] = value;
        if (sizes[level] == k) {
            compact(level);
        }
    }

    private void compact(int level) {
        double[] buffer = levels[level];
        Arrays.sort(buffer, 0, k);
        int offset = oddOffset[level] ? 1 : 0;
        oddOffset[level] = !oddOffset[level];
        sizes[level] = 0;
        for (int i = offset; i < k; i += 2) {
            insert(level + 1, buffer[i]);
        }
    }

    long count() {
        return count;
    }

    /** @return whether answers are estimates (some values were compacted) */
    boolean isEstimate() {
        return levels.length > 1;
    }

    /** @return the worst-case normalised rank error of answers (0 while exact) */
    double rankErrorBound() {
        if (!isEstimate()) {
            return 0;
        }
        double error = 0;
        for (int level = 0; level < levels.length - 1; level++) {
            // compactions at this level so far, each moving ranks by at most 2^level
            long weight = 1L << level;
            error += (double) count / (k * weight) * weight;
        }
        return Math.min(1, error / count);
    }

    /**
     * @param fraction the quantile in [0, 1]
     * @return the smallest retained value whose weighted rank reaches {@code fraction * n}
     *     (the inverted CDF, no interpolation)
     */
    double quantile(double fraction) {
        int total = 0;
        for (int size : sizes) {
            total += size;
        }
        double[] values = new double[total];
        long[] weights = new long[total];
        int n = 0;
        for (int level = 0; level < levels.length; level++) {
            for (int i = 0; i < sizes[level]; i++) {
                values[n] = levels[level][i];
                weights[n++] = 1L << level;
            }
        }
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        long retained = 0;
        for (long w : weights) {
            retained += w;
        }
        double target = Math.max(1, Math.ceil(fraction * retained));
        long cumulative = 0;
        for (int index : order) {
            cumulative += weights[index];
            if (cumulative >= target) {
                return values[index];
            }
        }
        return values[order[total - 1]];
    }
}
