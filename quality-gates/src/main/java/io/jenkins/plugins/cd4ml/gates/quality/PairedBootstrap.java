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
    private static final int BITS = 21;
    private static final long MASK = (1L << BITS) - 1;
    /** Cumulative Poisson(1) probabilities as 21-bit thresholds. */
    private static final int[] THRESHOLDS = thresholds();

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
        SplittableRandom random = new SplittableRandom(mix(seed, resample));
        int[] thresholds = THRESHOLDS;
        // three 21-bit uniforms per 64-bit draw: probabilities exact to 2^-21, a third of the draws
        long bits = 0;
        int left = 0;
        for (int row = 0; row < weights.length; row++) {
            if (left == 0) {
                bits = random.nextLong();
                left = 3;
            }
            int u = (int) (bits & MASK);
            bits >>>= BITS;
            left--;
            int k = 0;
            while (u >= thresholds[k]) {
                k++;
            }
            weights[row] = k;
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

    private static int[] thresholds() {
        int[] thresholds = new int[20];
        double probability = Math.exp(-1);
        double cumulative = 0;
        for (int k = 0; k < thresholds.length; k++) {
            cumulative += probability;
            probability /= k + 1;
            thresholds[k] = k == thresholds.length - 1 ? Integer.MAX_VALUE : (int) Math.round(cumulative * (1 << BITS));
        }
        return thresholds;
    }
}
