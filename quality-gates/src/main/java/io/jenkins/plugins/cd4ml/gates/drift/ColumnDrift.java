package io.jenkins.plugins.cd4ml.gates.drift;

import io.jenkins.plugins.cd4ml.report.CheckStatus;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The drift of one column: every metric computed for it (also those no check looks at), the sizes
 * compared, and a problem when nothing could be computed.
 *
 * @param name the column
 * @param kind how it was compared
 * @param baselineCount non-null values in the baseline
 * @param currentCount non-null values in the current data
 * @param categories categories in the union of both sides (0 for numeric columns)
 * @param metrics metric values; NaN where a metric is undefined (e.g. normalising by a zero spread)
 * @param exact whether every value is exact (false when the baseline is a sketched profile)
 * @param problem why metrics are missing, or {@code null}
 * @param problemStatus the status of this column's checks when {@code problem} is set
 *     ({@code ERROR} or {@code INCONCLUSIVE}), else {@code null}
 */
public record ColumnDrift(String name, ColumnKind kind, long baselineCount, long currentCount, int categories,
        Map<DriftMetric, Double> metrics, boolean exact, String problem, CheckStatus problemStatus)
        implements Serializable {
    public ColumnDrift {
        EnumMap<DriftMetric, Double> copy = new EnumMap<>(DriftMetric.class);
        copy.putAll(metrics);
        metrics = Collections.unmodifiableMap(copy);
    }

    /**
     * @param metric a metric
     * @return its value, or NaN when not computed
     */
    public double value(DriftMetric metric) {
        return metrics.getOrDefault(metric, Double.NaN);
    }
}
