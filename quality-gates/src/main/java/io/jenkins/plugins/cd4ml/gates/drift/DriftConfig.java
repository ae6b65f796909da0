package io.jenkins.plugins.cd4ml.gates.drift;

import io.jenkins.plugins.cd4ml.report.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to compare and which checks to apply: the one configuration type the CLI, the Jenkins step
 * and configuration files all build (see {@link DriftConfigParser}).
 *
 * @param columns the columns to compare; empty means every column both datasets have
 * @param exclude columns never compared
 * @param types declared column kinds, overriding inference
 * @param defaultChecks checks for every column that has no checks of its own (each applies only
 *     to columns of the kinds its metric supports)
 * @param columnChecks checks per column, replacing the defaults for that column
 */
public record DriftConfig(List<String> columns, Set<String> exclude, Map<String, ColumnKind> types,
        List<DriftCheck> defaultChecks, Map<String, List<DriftCheck>> columnChecks) implements Serializable {
    /** The default PSI level that makes a build unstable (a moderate shift). */
    public static final double DEFAULT_PSI_WARNING = 0.1;
    /** The default PSI level that fails a build (a significant shift, the usual rule of thumb). */
    public static final double DEFAULT_PSI_FAILURE = 0.2;

    public DriftConfig {
        columns = List.copyOf(columns);
        exclude = Set.copyOf(exclude);
        types = Map.copyOf(types);
        defaultChecks = List.copyOf(defaultChecks);
        Map<String, List<DriftCheck>> copy = new LinkedHashMap<>();
        columnChecks.forEach((name, checks) -> copy.put(name, List.copyOf(checks)));
        columnChecks = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * The built-in checks: PSI above 0.2 fails, above 0.1 warns, for numeric and categorical columns.
     * p-value tests are computed and reported but not checked by default, because with large samples
     * they flag shifts too small to matter.
     *
     * @return the default checks
     */
    public static List<DriftCheck> builtInChecks() {
        return List.of(new DriftCheck(DriftMetric.PSI, DEFAULT_PSI_FAILURE, Severity.FAILURE),
                new DriftCheck(DriftMetric.PSI, DEFAULT_PSI_WARNING, Severity.WARNING));
    }

    /** @return every common column, the built-in checks */
    public static DriftConfig defaults() {
        return new DriftConfig(List.of(), Set.of(), Map.of(), builtInChecks(), Map.of());
    }

    /**
     * The checks that apply to a column of a kind.
     *
     * @param column the column name
     * @param kind the column's kind
     * @return the column's own checks if it has any, else the default checks, keeping those whose
     *     metric is computed for that kind
     */
    public List<DriftCheck> checksFor(String column, ColumnKind kind) {
        List<DriftCheck> source = columnChecks.getOrDefault(column, defaultChecks);
        List<DriftCheck> applicable = new ArrayList<>();
        for (DriftCheck check : source) {
            if (check.metric().appliesTo(kind)) {
                applicable.add(check);
            }
        }
        return applicable;
    }

    /**
     * @param replacement the new default checks
     * @return this configuration with other default checks
     */
    public DriftConfig withDefaultChecks(List<DriftCheck> replacement) {
        return new DriftConfig(columns, exclude, types, replacement, columnChecks);
    }

    /**
     * @param selected the columns to compare
     * @return this configuration restricted to those columns
     */
    public DriftConfig withColumns(List<String> selected) {
        return new DriftConfig(selected, exclude, types, defaultChecks, columnChecks);
    }

    /**
     * @param declared kinds to add (overriding those already declared)
     * @return this configuration with more declared kinds
     */
    public DriftConfig withTypes(Map<String, ColumnKind> declared) {
        Map<String, ColumnKind> merged = new LinkedHashMap<>(types);
        merged.putAll(declared);
        return new DriftConfig(columns, exclude, merged, defaultChecks, columnChecks);
    }

    /**
     * @param excluded columns to leave out
     * @return this configuration with more excluded columns
     */
    public DriftConfig withExcluded(Set<String> excluded) {
        Set<String> merged = new java.util.HashSet<>(exclude);
        merged.addAll(excluded);
        return new DriftConfig(columns, merged, types, defaultChecks, columnChecks);
    }
}
