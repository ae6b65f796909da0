package io.jenkins.plugins.cd4ml.gates.drift;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Computes every numeric drift metric of one column from its baseline and current distributions. */
public final class NumericDrift {
    private NumericDrift() {
    }

    /**
     * @param baseline the baseline distribution (exact sample or sketch); must not be empty
     * @param baselineStdDev the baseline's sample standard deviation (ddof 1), for the normalised
     *     Wasserstein distance; a profile keeps it exactly even when its quantiles are sketched
     * @param current the current distribution; must not be empty
     * @return the value of every numeric metric (NaN where undefined, e.g. normalising by a zero
     *     standard deviation)
     */
    public static Map<DriftMetric, Double> compute(EmpiricalDistribution baseline, double baselineStdDev,
            EmpiricalDistribution current) {
        if (baseline.isEmpty() || current.isEmpty()) {
            throw new IllegalArgumentException("both distributions need at least one value");
        }
        Map<DriftMetric, Double> metrics = new EnumMap<>(DriftMetric.class);
        double[] edges = baseline.decileEdges();
        double[] p = ProportionDistances.proportions(baseline.binCounts(edges));
        double[] q = ProportionDistances.proportions(current.binCounts(edges));
        metrics.put(DriftMetric.PSI, ProportionDistances.psi(p, q));
        metrics.put(DriftMetric.JENSEN_SHANNON, ProportionDistances.jensenShannon(p, q));
        double d = EmpiricalDistribution.ksStatistic(baseline, current);
        metrics.put(DriftMetric.KS_STATISTIC, d);
        metrics.put(DriftMetric.KS_PVALUE, Kolmogorov.pValue(d, baseline.count(), current.count()));
        double wasserstein = EmpiricalDistribution.wasserstein(baseline, current);
        metrics.put(DriftMetric.WASSERSTEIN, wasserstein);
        metrics.put(DriftMetric.WASSERSTEIN_NORMED,
                baselineStdDev > 0 ? wasserstein / baselineStdDev : Double.NaN);
        return Collections.unmodifiableMap(metrics);
    }
}
