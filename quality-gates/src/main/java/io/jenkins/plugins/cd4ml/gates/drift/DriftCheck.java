package io.jenkins.plugins.cd4ml.gates.drift;

import io.jenkins.plugins.cd4ml.report.Severity;
import java.io.Serializable;
import java.util.Locale;

/**
 * One drift check: a metric, the threshold it must not cross, and how much crossing it matters.
 * For distances a value above the threshold is drift; for p-values a value below it.
 *
 * @param metric the metric
 * @param threshold the threshold
 * @param severity {@code FAILURE} fails the build, {@code WARNING} makes it unstable
 */
public record DriftCheck(DriftMetric metric, double threshold, Severity severity) implements Serializable {
    public DriftCheck {
        if (metric == null || severity == null || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("a drift check needs a metric, a finite threshold and a severity");
        }
    }

    /** @return a readable form, e.g. {@code psi > 0.2 (failure)} */
    public String describe() {
        return metric.key() + " " + metric.breakingOperator() + " " + threshold + " ("
                + severity.name().toLowerCase(Locale.ROOT) + ")";
    }
}
