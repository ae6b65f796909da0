package io.jenkins.plugins.cd4ml.gates.quality;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Poisson bootstrap: each resample gives every row a Poisson(1) weight (its multiplicity), drawn
 * from a generator seeded by (seed, resample index) alone, so results are reproducible whatever
 * the number of threads. Candidate and baseline are always evaluated with the same weights: the
 * pairing that makes the interval of their difference narrow and honest.
 */
public final class PairedBootstrap {
    /**
     * Inverse CDF of Poisson(1) on a 16-bit uniform: entry u is the smallest k with
     * P(X <= k) > u / 2^16, so each probability is exact to 2^-16 (the mean is 1 within 1e-4).
     */
    private static final byte[] TABLE = table();

    private PairedBootstrap() {
    }

    /**
     * Fills the weights of one resample.
     *
     * @param seed the bootstrap seed
     * @param resample the resample index
     * @param weights the array to fill, one weight per row
     */
    public static void poissonWeights(long seed, int resample, int[] weights) {
        byte[] bytes = new byte[weights.length];
        poissonWeights(seed, resample, bytes);
        for (int row = 0; row < weights.length; row++) {
            weights[row] = bytes[row];
        }
    }

    /**
     * Fills the weights of one resample as bytes (a quarter of the memory traffic of ints): the
     * same weights as {@link #poissonWeights(long, int, int[])}.
     *
     * @param seed the bootstrap seed
     * @param resample the resample index
     * @param weights the array to fill, one weight per row
     */
    public static void poissonWeights(long seed, int resample, byte[] weights) {
        SplittableRandom random = new SplittableRandom(mix(seed, resample));
        byte[] table = TABLE;
        int row = 0;
        int full = weights.length - weights.length % 4;
        // four 16-bit uniforms per 64-bit draw, each mapped to a Poisson(1) count by table lookup
        for (; row < full; row += 4) {
            long bits = random.nextLong();
            weights[row] = table[(int) (bits & 0xFFFF)];
            weights[row + 1] = table[(int) ((bits >>> 16) & 0xFFFF)];
            weights[row + 2] = table[(int) ((bits >>> 32) & 0xFFFF)];
            weights[row + 3] = table[(int) (bits >>> 48)];
        }
        long bits = random.nextLong();
        for (; row < weights.length; row++) {
            weights[row] = table[(int) (bits & 0xFFFF)];
            bits >>>= 16;
        }
    }

    /**
     * Fills the weights of two consecutive resamples packed per row, {@code resample}'s in the low
     * four bits and {@code resample + 1}'s in the high four (the layout of
     * {@code BinaryResampler.Plan#summarizeTwo}): the same weights as two calls of
     * {@link #poissonWeights(long, int, byte[])}, drawn in one loop without a second array.
     *
     * @param seed the bootstrap seed
     * @param resample the first resample's index
     * @param both whether to draw the second resample too (else its weights are 0)
     * @param packed the array to fill, one byte per row
     */
    public static void poissonWeightsPacked(long seed, int resample, boolean both, byte[] packed) {
        if (!both) {
            poissonWeights(seed, resample, packed);
            return;
        }
        SplittableRandom low = new SplittableRandom(mix(seed, resample));
        SplittableRandom high = new SplittableRandom(mix(seed, resample + 1));
        byte[] table = TABLE;
        int row = 0;
        int full = packed.length - packed.length % 4;
        for (; row < full; row += 4) {
            long a = low.nextLong();
            long b = high.nextLong();
            packed[row] = (byte) (table[(int) (a & 0xFFFF)] | table[(int) (b & 0xFFFF)] << 4);
            packed[row + 1] = (byte) (table[(int) ((a >>> 16) & 0xFFFF)] | table[(int) ((b >>> 16) & 0xFFFF)] << 4);
            packed[row + 2] = (byte) (table[(int) ((a >>> 32) & 0xFFFF)] | table[(int) ((b >>> 32) & 0xFFFF)] << 4);
            packed[row + 3] = (byte) (table[(int) (a >>> 48)] | table[(int) (b >>> 48)] << 4);
        }
        long a = low.nextLong();
        long b = high.nextLong();
        for (; row < packed.length; row++) {
            packed[row] = (byte) (table[(int) (a & 0xFFFF)] | table[(int) (b & 0xFFFF)] << 4);
            a >>>= 16;
            b >>>= 16;
        }
    }

    /**
     * The percentile interval of resampled values, skipping undefined (NaN) ones; linear
     * interpolation between order statistics as numpy's default quantile.
     *
     * @param values the resampled values (sorted in place)
     * @param confidence the confidence level
     * @return {low, high}, or {NaN, NaN} when no value is defined
     */
    public static double[] percentileInterval(double[] values, double confidence) {
        int defined = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                values[defined++] = value;
            }
        }
        if (defined == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Arrays.sort(values, 0, defined);
        double alpha = 1 - confidence;
        return new double[] {quantile(values, defined, alpha / 2), quantile(values, defined, 1 - alpha / 2)};
    }

    private static double quantile(double[] sorted, int count, double q) {
        double h = (count - 1) * q;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, count - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    private static long mix(long seed, int resample) {
        long z = seed * 0x9E3779B97F4A7C15L + resample;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static byte[] table() {
        byte[] table = new byte[1 << 16];
        double probability = Math.exp(-1);
        double cumulative = probability;
        int k = 0;
        for (int u = 0; u < table.length; u++) {
            while ((u + 0.5) / table.length > cumulative && k < 20) {
                k++;
                probability /= k;
                cumulative += probability;
            }
            table[u] = (byte) k;
        }
        return table;
    }
}
