package io.jenkins.plugins.cd4ml.gates.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class DriftFunctionsTest {
    @Test
    void kolmogorovSurvivalMatchesKnownValuesOnBothSidesOfTheSwitch() {
        // Q(λ) = 1 - K(λ); K(1) = 0.7300003283, K(0.5) = 0.0360547563 (tables of the Kolmogorov distribution)
        assertThat(Kolmogorov.survival(1.0)).isCloseTo(0.2699996717, within(1e-9));
        assertThat(Kolmogorov.survival(0.5)).isCloseTo(0.9639452437, within(1e-9));
        assertThat(Kolmogorov.survival(0.9999999)).isCloseTo(Kolmogorov.survival(1.0000001), within(1e-6));
        assertThat(Kolmogorov.survival(0)).isEqualTo(1.0);
        assertThat(Kolmogorov.survival(20)).isCloseTo(2 * Math.exp(-800), within(1e-300));
    }

    @Test
    void chiSquareAgreesWithTheDistributionAndSkipsEmptyCategories() {
        ChiSquareTest test = ChiSquareTest.of(new long[] {30, 50, 20, 0}, new long[] {40, 30, 30, 0});
        assertThat(test.degreesOfFreedom()).isEqualTo(2);
        double expected = 0;
        long[][] table = {{30, 50, 20}, {40, 30, 30}};
        double[] columns = {70, 80, 50};
        for (long[] row : table) {
            for (int j = 0; j < 3; j++) {
                double e = 100 * columns[j] / 200;
                expected += (row[j] - e) * (row[j] - e) / e;
            }
        }
        assertThat(test.statistic()).isCloseTo(expected, within(1e-12));
        assertThat(test.pValue()).isCloseTo(1 - new ChiSquaredDistribution(2).cumulativeProbability(expected), within(1e-12));
        assertThat(ChiSquareTest.of(new long[] {5}, new long[] {7})).isEqualTo(new ChiSquareTest(0, 1, 0));
    }

    @Test
    void psiReplacesEmptyBinsAndJensenShannonDoesNot() {
        double[] p = {0.5, 0.5, 0};
        double[] q = {0.5, 0.25, 0.25};
        double psi = (0.25 - 0.5) * Math.log(0.25 / 0.5) + (0.25 - 1e-4) * Math.log(0.25 / 1e-4);
        assertThat(ProportionDistances.psi(p, q)).isCloseTo(psi, within(1e-15));
        assertThat(ProportionDistances.jensenShannon(new double[] {1, 0}, new double[] {0, 1})).isEqualTo(1.0);
        assertThat(ProportionDistances.linf(p, q)).isEqualTo(0.25);
    }

    @Test
    void quantilesFollowNumpyLinearInterpolation() {
        var distribution = EmpiricalDistribution.ofSample(new double[] {4, 1, 3, 2});
        // numpy.quantile([1,2,3,4], 0.1) == 1.3; 0.5 -> 2.5; 1 -> 4
        assertThat(distribution.quantile(0.1)).isCloseTo(1.3, within(1e-15));
        assertThat(distribution.quantile(0.5)).isEqualTo(2.5);
        assertThat(distribution.quantile(1)).isEqualTo(4);
        assertThat(distribution.quantile(0)).isEqualTo(1);
        // duplicate edges are kept: the bins between equal edges are empty
        var ties = EmpiricalDistribution.ofSample(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 2, 3});
        double[] edges = ties.decileEdges();
        assertThat(edges[0]).isEqualTo(1);
        assertThat(ties.binCounts(edges)).containsExactly(8, 0, 0, 0, 0, 0, 0, 0, 1, 1);
    }
}
