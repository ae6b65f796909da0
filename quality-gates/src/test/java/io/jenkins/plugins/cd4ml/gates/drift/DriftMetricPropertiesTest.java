package io.jenkins.plugins.cd4ml.gates.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Properties every drift metric must have, whatever the data. */
class DriftMetricPropertiesTest {
    private static EmpiricalDistribution sample(List<Double> values) {
        return EmpiricalDistribution.ofSample(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static EmpiricalDistribution shifted(List<Double> values, double shift) {
        return EmpiricalDistribution.ofSample(values.stream().mapToDouble(v -> v + shift).toArray());
    }

    @Property(tries = 200)
    void psiIsNonNegativeAndZeroForIdenticalSamples(
            @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -1e3, max = 1e3) Double> a,
            @ForAll @Size(min = 1, max = 300) List<@DoubleRange(min = -1e3, max = 1e3) Double> b) {
        var metrics = NumericDrift.compute(sample(a), 1.0, sample(b));
        assertThat(metrics.get(DriftMetric.PSI)).isGreaterThanOrEqualTo(0.0);
        var same = NumericDrift.compute(sample(a), 1.0, sample(a));
        assertThat(same.get(DriftMetric.PSI)).isZero();
        assertThat(same.get(DriftMetric.JENSEN_SHANNON)).isZero();
        assertThat(same.get(DriftMetric.KS_STATISTIC)).isZero();
        assertThat(same.get(DriftMetric.WASSERSTEIN)).isZero();
        assertThat(same.get(DriftMetric.KS_PVALUE)).isEqualTo(1.0);
    }

    @Property(tries = 200)
    void jensenShannonIsASymmetricDistanceInTheUnitInterval(
            @ForAll @Size(min = 2, max = 12) List<@LongRange(min = 0, max = 1000) Long> a,
            @ForAll @Size(min = 2, max = 12) List<@LongRange(min = 0, max = 1000) Long> b) {
        int n = Math.min(a.size(), b.size());
        long[] x = a.stream().limit(n).mapToLong(Long::longValue).toArray();
        long[] y = b.stream().limit(n).mapToLong(Long::longValue).toArray();
        x[0]++;
        y[n - 1]++;
        double[] p = ProportionDistances.proportions(x);
        double[] q = ProportionDistances.proportions(y);
        double js = ProportionDistances.jensenShannon(p, q);
        assertThat(js).isBetween(0.0, 1.0);
        assertThat(ProportionDistances.jensenShannon(q, p)).isCloseTo(js, within(1e-12));
        assertThat(ProportionDistances.linf(p, q)).isBetween(0.0, 1.0);
        assertThat(ProportionDistances.psi(p, q)).isGreaterThanOrEqualTo(0.0);
        assertThat(ProportionDistances.psi(p, q)).isCloseTo(ProportionDistances.psi(q, p), within(1e-9));
    }

    @Property(tries = 200)
    void ksIsSymmetricAndBounded(
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = -20, max = 20) Integer> a,
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = -20, max = 20) Integer> b) {
        var x = EmpiricalDistribution.ofSample(a.stream().mapToDouble(Integer::doubleValue).toArray());
        var y = EmpiricalDistribution.ofSample(b.stream().mapToDouble(Integer::doubleValue).toArray());
        double d = EmpiricalDistribution.ksStatistic(x, y);
        assertThat(d).isBetween(0.0, 1.0).isEqualTo(EmpiricalDistribution.ksStatistic(y, x));
        assertThat(d).isEqualTo(naiveKs(a, b));
        assertThat(EmpiricalDistribution.wasserstein(x, y)).isCloseTo(EmpiricalDistribution.wasserstein(y, x), within(1e-9));
    }

    private static double naiveKs(List<Integer> a, List<Integer> b) {
        double largest = 0;
        for (int x = -21; x <= 21; x++) {
            final int at = x;
            double fa = a.stream().filter(v -> v <= at).count() / (double) a.size();
            double fb = b.stream().filter(v -> v <= at).count() / (double) b.size();
            largest = Math.max(largest, Math.abs(fa - fb));
        }
        return largest;
    }

    @Property(tries = 200)
    void wassersteinOfATranslatedSampleIsTheShift(
            @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -100, max = 100) Double> a,
            @ForAll @DoubleRange(min = -50, max = 50) double shift) {
        double distance = EmpiricalDistribution.wasserstein(sample(a), shifted(a, shift));
        assertThat(distance).isCloseTo(Math.abs(shift), within(1e-9 * (1 + Math.abs(shift)) + 1e-9));
    }

    @Property(tries = 200)
    void unitWeightsGiveTheSameQuantilesAndCountsAsAnExactSample(
            @ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 30) Integer> a,
            @ForAll @DoubleRange(min = 0, max = 1) double p) {
        double[] values = a.stream().mapToDouble(Integer::doubleValue).toArray();
        long[] ones = new long[values.length];
        Arrays.fill(ones, 1);
        var weighted = EmpiricalDistribution.ofWeighted(values, ones);
        var exact = EmpiricalDistribution.ofSample(values.clone());
        assertThat(weighted.quantile(p)).isEqualTo(exact.quantile(p));
        assertThat(weighted.binCounts(exact.decileEdges())).containsExactly(exact.binCounts(exact.decileEdges()));
        // doubling every weight describes the same distribution
        long[] twos = new long[values.length];
        Arrays.fill(twos, 2);
        var doubled = EmpiricalDistribution.ofWeighted(values, twos);
        assertThat(EmpiricalDistribution.ksStatistic(doubled, exact)).isZero();
    }

    @Property(tries = 100)
    void kolmogorovSeriesFormsAgreeWhereTheyMeet(@ForAll @DoubleRange(min = 0.05, max = 3) double lambda) {
        double q = Kolmogorov.survival(lambda);
        assertThat(q).isBetween(0.0, 1.0);
        assertThat(Kolmogorov.survival(lambda + 0.01)).isLessThanOrEqualTo(q);
    }
}
