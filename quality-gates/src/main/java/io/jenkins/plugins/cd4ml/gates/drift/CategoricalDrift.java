package io.jenkins.plugins.cd4ml.gates.drift;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/** Computes every categorical drift metric of one column from category counts. */
public final class CategoricalDrift {
    private CategoricalDrift() {
    }

    /**
     * @param baseline count per category in the baseline (nulls left out)
     * @param current count per category in the current data
     * @return the value of every categorical metric, over the union of categories
     */
    public static Map<DriftMetric, Double> compute(Map<String, Long> baseline, Map<String, Long> current) {
        TreeSet<String> categories = new TreeSet<>(baseline.keySet());
        categories.addAll(current.keySet());
        long[] b = new long[categories.size()];
        long[] c = new long[categories.size()];
        int i = 0;
        for (String category : categories) {
            b[i] = baseline.getOrDefault(category, 0L);
            c[i] = current.getOrDefault(category, 0L);
            i++;
        }
        double[] p = ProportionDistances.proportions(b);
        double[] q = ProportionDistances.proportions(c);
        Map<DriftMetric, Double> metrics = new EnumMap<>(DriftMetric.class);
        metrics.put(DriftMetric.PSI, ProportionDistances.psi(p, q));
        metrics.put(DriftMetric.JENSEN_SHANNON, ProportionDistances.jensenShannon(p, q));
        metrics.put(DriftMetric.LINF, ProportionDistances.linf(p, q));
        ChiSquareTest chi = ChiSquareTest.of(b, c);
        metrics.put(DriftMetric.CHI2_STATISTIC, chi.statistic());
        metrics.put(DriftMetric.CHI2_PVALUE, chi.pValue());
        metrics.put(DriftMetric.CHI2_DOF, (double) chi.degreesOfFreedom());
        return Collections.unmodifiableMap(metrics);
    }
}
