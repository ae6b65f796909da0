package io.jenkins.plugins.cd4ml.gates.drift;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The drift metrics cd4ml computes. Their {@link #key() keys} are the names used in JSON reports,
 * configuration files and the reference vectors ({@code columns/<name>/<key>}).
 */
public enum DriftMetric {
    /** Population stability index over 10 baseline-decile bins (or categories); zero proportions become 1e-4. */
    PSI("psi", Direction.HIGHER_IS_DRIFT, true, true),
    /** Jensen–Shannon distance (square root of the divergence, log base 2) of the same proportions. */
    JENSEN_SHANNON("jensen_shannon", Direction.HIGHER_IS_DRIFT, true, true),
    /** Two-sample Kolmogorov–Smirnov statistic D. */
    KS_STATISTIC("ks_statistic", Direction.HIGHER_IS_DRIFT, true, false),
    /** Asymptotic Kolmogorov p-value of D; small values mean drift. */
    KS_PVALUE("ks_pvalue_kolmogorov", Direction.LOWER_IS_DRIFT, true, false),
    /** Wasserstein-1 (earth mover's) distance in the column's units. */
    WASSERSTEIN("wasserstein", Direction.HIGHER_IS_DRIFT, true, false),
    /** Wasserstein-1 distance divided by the baseline's sample standard deviation. */
    WASSERSTEIN_NORMED("wasserstein_normed", Direction.HIGHER_IS_DRIFT, true, false),
    /** Largest absolute difference of category proportions. */
    LINF("linf", Direction.HIGHER_IS_DRIFT, false, true),
    /** Pearson chi-square statistic of the 2 × k table of category counts. */
    CHI2_STATISTIC("chi2_statistic", Direction.HIGHER_IS_DRIFT, false, true),
    /** p-value of the chi-square statistic; small values mean drift. */
    CHI2_PVALUE("chi2_pvalue", Direction.LOWER_IS_DRIFT, false, true),
    /** Degrees of freedom of the chi-square test (categories − 1); informative only. */
    CHI2_DOF("chi2_dof", Direction.HIGHER_IS_DRIFT, false, true);

    /** Which side of a threshold signals drift. */
    public enum Direction {
        /** A value above the threshold is drift (distances, statistics). */
        HIGHER_IS_DRIFT,
        /** A value below the threshold is drift (p-values). */
        LOWER_IS_DRIFT
    }

    private final String key;
    private final Direction direction;
    private final boolean numeric;
    private final boolean categorical;

    DriftMetric(String key, Direction direction, boolean numeric, boolean categorical) {
        this.key = key;
        this.direction = direction;
        this.numeric = numeric;
        this.categorical = categorical;
    }

    /** @return the metric's name in reports and configuration */
    public String key() {
        return key;
    }

    /** @return which side of a threshold signals drift */
    public Direction direction() {
        return direction;
    }

    /**
     * @param kind a column kind
     * @return whether this metric is computed for columns of that kind
     */
    public boolean appliesTo(ColumnKind kind) {
        return kind == ColumnKind.NUMERIC ? numeric : categorical;
    }

    /**
     * Whether a value breaks a threshold.
     *
     * @param value the observed value
     * @param threshold the threshold
     * @return {@code true} when the value signals drift
     */
    public boolean breaks(double value, double threshold) {
        return direction == Direction.HIGHER_IS_DRIFT ? value > threshold : value < threshold;
    }

    /** @return the comparison a breaking value makes, for messages: {@code >} or {@code <} */
    public String breakingOperator() {
        return direction == Direction.HIGHER_IS_DRIFT ? ">" : "<";
    }

    /**
     * Finds a metric by its key (or enum name, or the short aliases {@code js}, {@code ks},
     * {@code ks_pvalue}, {@code linfinity}), ignoring case.
     *
     * @param text the name
     * @return the metric
     * @throws IllegalArgumentException naming the known metrics when there is none
     */
    public static DriftMetric parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (DriftMetric metric : values()) {
            if (metric.key.equals(wanted) || metric.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return metric;
            }
        }
        switch (wanted) {
            case "js":
                return JENSEN_SHANNON;
            case "ks":
                return KS_STATISTIC;
            case "ks_pvalue":
                return KS_PVALUE;
            case "l_infinity", "linfinity":
                return LINF;
            default:
                break;
        }
        throw new IllegalArgumentException("unknown drift metric '" + text + "' (expected one of "
                + Arrays.stream(values()).map(DriftMetric::key).collect(Collectors.joining(", ")) + ")");
    }
}
