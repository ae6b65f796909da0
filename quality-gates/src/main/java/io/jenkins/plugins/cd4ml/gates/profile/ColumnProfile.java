package io.jenkins.plugins.cd4ml.gates.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a profile keeps about one column.
 *
 * @param name the column
 * @param type the inferred type
 * @param count the number of non-null values
 * @param nulls the number of nulls
 * @param numeric summary statistics and a quantile sketch, for numeric columns; else {@code null}
 * @param frequencies value counts, for string columns and low-cardinality numeric ones; else {@code null}
 */
public record ColumnProfile(String name, InferredType type, long count, long nulls, NumericSummary numeric,
        Frequencies frequencies) {

    /**
     * Summary statistics of a numeric column. {@code stdDev} is the sample standard deviation (ddof 1).
     *
     * @param min the smallest value
     * @param max the largest value
     * @param mean the mean
     * @param stdDev the sample standard deviation
     * @param sum the sum
     * @param sketch the quantile sketch
     */
    public record NumericSummary(double min, double max, double mean, double stdDev, double sum, KllSketch sketch) {
    }

    /**
     * Value counts, most frequent first.
     *
     * @param counts count per value (at most {@link Profiler#MAX_TRACKED_VALUES} values)
     * @param complete whether every value is counted; when {@code false}, {@code other} values were
     *     seen after the limit was reached and are counted only in total
     * @param other the number of values not in {@code counts}
     */
    public record Frequencies(Map<String, Long> counts, boolean complete, long other) {
        public Frequencies {
            List<Map.Entry<String, Long>> entries = new java.util.ArrayList<>(counts.entrySet());
            entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            Map<String, Long> ordered = new LinkedHashMap<>();
            entries.forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
            counts = java.util.Collections.unmodifiableMap(ordered);
        }

        /** @return the number of distinct values (a lower bound when not complete) */
        public long distinct() {
            return counts.size() + (complete ? 0 : 1);
        }
    }
}
