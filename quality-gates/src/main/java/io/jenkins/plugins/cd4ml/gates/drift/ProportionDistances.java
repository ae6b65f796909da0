package io.jenkins.plugins.cd4ml.gates.drift;

/**
 * Distances between two discrete distributions given as counts over the same bins or categories.
 * Pure functions; the definitions follow the reference vectors' README exactly.
 */
public final class ProportionDistances {
    /** What a proportion of exactly 0 becomes in PSI, so the logarithm stays finite. */
    public static final double PSI_ZERO_REPLACEMENT = 1e-4;

    private ProportionDistances() {
    }

    /**
     * @param counts counts per bin
     * @return the counts divided by their total
     */
    public static double[] proportions(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double[] proportions = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            proportions[i] = (double) counts[i] / total;
        }
        return proportions;
    }

    /**
     * Population stability index {@code Σ (q − p) · ln(q / p)}, with zero proportions replaced by
     * {@value #PSI_ZERO_REPLACEMENT}.
     *
     * @param baseline baseline proportions p
     * @param current current proportions q
     * @return PSI, never negative
     */
    public static double psi(double[] baseline, double[] current) {
        requireSameLength(baseline, current);
        double sum = 0;
        for (int i = 0; i < baseline.length; i++) {
            double p = baseline[i] == 0 ? PSI_ZERO_REPLACEMENT : baseline[i];
            double q = current[i] == 0 ? PSI_ZERO_REPLACEMENT : current[i];
            sum += (q - p) * Math.log(q / p);
        }
        return sum;
    }

    /**
     * Jensen–Shannon distance, log base 2: {@code sqrt((KL(p‖m) + KL(q‖m)) / 2)} with
     * {@code m = (p + q) / 2} and {@code 0 · log 0 = 0}; in [0, 1]. Inputs are renormalised to sum 1.
     *
     * @param baseline baseline proportions p
     * @param current current proportions q
     * @return the distance
     */
    public static double jensenShannon(double[] baseline, double[] current) {
        requireSameLength(baseline, current);
        double[] p = normalised(baseline);
        double[] q = normalised(current);
        double left = 0;
        double right = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2.0;
            left += relativeEntropy(p[i], m);
            right += relativeEntropy(q[i], m);
        }
        double divergence = (left + right) / Math.log(2);
        return Math.sqrt(Math.max(0, divergence / 2.0));
    }

    /**
     * @param baseline baseline proportions
     * @param current current proportions
     * @return the largest absolute difference of proportions (L-infinity distance)
     */
    public static double linf(double[] baseline, double[] current) {
        requireSameLength(baseline, current);
        double largest = 0;
        for (int i = 0; i < baseline.length; i++) {
            largest = Math.max(largest, Math.abs(baseline[i] - current[i]));
        }
        return largest;
    }

    private static double relativeEntropy(double x, double y) {
        if (x > 0 && y > 0) {
            return x * Math.log(x / y);
        }
        return x == 0 && y >= 0 ? 0 : Double.POSITIVE_INFINITY;
    }

    private static double[] normalised(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i] / total;
        }
        return result;
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("distributions over different bins: " + a.length + " vs " + b.length);
        }
    }
}
