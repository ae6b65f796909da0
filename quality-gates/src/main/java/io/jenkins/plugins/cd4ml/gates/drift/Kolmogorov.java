package io.jenkins.plugins.cd4ml.gates.drift;

/**
 * The asymptotic Kolmogorov distribution, for the p-value of a two-sample KS statistic.
 */
public final class Kolmogorov {
    private Kolmogorov() {
    }

    /**
     * The survival function {@code Q(λ) = 2 Σ_{k≥1} (-1)^{k-1} e^{-2k²λ²}}. For small λ the
     * alternating series converges slowly, so there the equivalent Jacobi-theta form
     * {@code 1 − (√(2π)/λ) Σ_{k≥1} e^{-(2k-1)²π²/(8λ²)}} is summed instead.
     *
     * @param lambda λ ≥ 0
     * @return Q(λ) in [0, 1]
     */
    public static double survival(double lambda) {
        if (!(lambda > 0)) {
            return 1.0;
        }
        if (lambda < 1.0) {
            double sum = 0;
            double factor = -Math.PI * Math.PI / (8 * lambda * lambda);
            for (int k = 1; k < 100; k++) {
                double odd = 2 * k - 1;
                double term = Math.exp(factor * odd * odd);
                sum += term;
                if (term < 1e-20 * sum) {
                    break;
                }
            }
            return Math.max(0, Math.min(1, 1 - Math.sqrt(2 * Math.PI) / lambda * sum));
        }
        double sum = 0;
        double sign = 1;
        for (int k = 1; k < 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            sum += sign * term;
            if (term == 0 || term < 1e-20 * Math.abs(sum)) {
                break;
            }
            sign = -sign;
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }

    /**
     * The asymptotic p-value of a two-sample KS statistic: {@code Q(√(n·m/(n+m)) · D)}.
     *
     * @param statistic D
     * @param n the size of one sample
     * @param m the size of the other
     * @return the p-value
     */
    public static double pValue(double statistic, long n, long m) {
        double effective = Math.sqrt((double) n * m / (n + m));
        return survival(effective * statistic);
    }
}
