package io.jenkins.plugins.cd4ml.gates.drift;

import java.io.Serializable;
import org.hipparchus.special.Gamma;

/**
 * Pearson's chi-square test of homogeneity on the 2 × k table of category counts (no continuity
 * correction). The p-value is the regularised upper incomplete gamma function, which keeps its
 * relative precision far into the tail (1e-200 and below), unlike {@code 1 − cdf}.
 *
 * @param statistic the chi-square statistic
 * @param pValue the probability of a statistic at least as large under homogeneity
 * @param degreesOfFreedom {@code k − 1}
 */
public record ChiSquareTest(double statistic, double pValue, int degreesOfFreedom) implements Serializable {
    /**
     * @param baseline counts per category in the baseline
     * @param current counts per category in the current data, same order
     * @return the test result
     */
    public static ChiSquareTest of(long[] baseline, long[] current) {
        if (baseline.length != current.length) {
            throw new IllegalArgumentException("tables of different width");
        }
        double rowBaseline = 0;
        double rowCurrent = 0;
        for (int i = 0; i < baseline.length; i++) {
            rowBaseline += baseline[i];
            rowCurrent += current[i];
        }
        double total = rowBaseline + rowCurrent;
        double statistic = 0;
        int categories = 0;
        for (int i = 0; i < baseline.length; i++) {
            double column = baseline[i] + current[i];
            if (column == 0) {
                continue;
            }
            categories++;
            double expectedBaseline = rowBaseline * column / total;
            double expectedCurrent = rowCurrent * column / total;
            statistic += square(baseline[i] - expectedBaseline) / expectedBaseline;
            statistic += square(current[i] - expectedCurrent) / expectedCurrent;
        }
        int dof = Math.max(0, categories - 1);
        double p = dof == 0 ? 1.0 : Gamma.regularizedGammaQ(dof / 2.0, statistic / 2.0, 1e-15, 100_000);
        return new ChiSquareTest(statistic, p, dof);
    }

    private static double square(double x) {
        return x * x;
    }
}
