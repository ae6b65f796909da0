package io.jenkins.plugins.cd4ml.gates.drift;

import io.jenkins.plugins.cd4ml.report.CheckStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure part of drift: from two datasets' column distributions and a configuration to a
 * {@link DriftReport}. No I/O; {@link Drift} reads the files.
 */
public final class DriftAnalyzer {
    private DriftAnalyzer() {
    }

    /**
     * The columns to compare: the configured ones, or every baseline column the current data also
     * has (minus exclusions), in baseline order.
     *
     * @param baselineColumns the baseline's columns
     * @param currentColumns the current data's columns
     * @param config the configuration
     * @return the columns to compare
     */
    public static List<String> selectColumns(List<String> baselineColumns, List<String> currentColumns,
            DriftConfig config) {
        List<String> source = config.columns().isEmpty() ? baselineColumns : config.columns();
        List<String> selected = new ArrayList<>();
        for (String name : source) {
            if (!config.exclude().contains(name) && (!config.columns().isEmpty() || currentColumns.contains(name))) {
                selected.add(name);
            }
        }
        return selected;
    }

    /**
     * Compares every selected column and evaluates the checks.
     *
     * @param baseline the baseline's distributions (must hold every selected column)
     * @param current the current data's distributions (must hold every selected column)
     * @param config the configuration
     * @return the report
     */
    public static DriftReport compare(DatasetDistributions baseline, DatasetDistributions current,
            DriftConfig config) {
        List<String> names = selectColumns(baseline.columns(), current.columns(), config);
        List<String> missing = new ArrayList<>();
        if (config.columns().isEmpty()) {
            for (String name : baseline.columns()) {
                if (!config.exclude().contains(name) && !current.columns().contains(name)) {
                    missing.add(name);
                }
            }
        }
        List<ColumnDrift> columns = new ArrayList<>();
        List<DriftCheckResult> checks = new ArrayList<>();
        for (String name : names) {
            ColumnDrift drift = compareColumn(name, baseline.column(name), current.column(name));
            columns.add(drift);
            for (DriftCheck check : config.checksFor(name, drift.kind())) {
                checks.add(evaluate(drift, check));
            }
        }
        return new DriftReport(baseline.source(), current.source(), baseline.rows(), current.rows(), columns,
                missing, checks, DriftReport.verdictOf(checks, missing));
    }

    static ColumnDrift compareColumn(String name, ColumnDistribution baseline, ColumnDistribution current) {
        if (baseline == null || current == null) {
            return problem(name, baseline != null ? baseline : current, baseline, current,
                    "column not found in the " + (baseline == null ? "baseline" : "current data"), CheckStatus.ERROR);
        }
        if (baseline.kind() != current.kind()) {
            ColumnDistribution.Categorical b = asCategorical(baseline);
            ColumnDistribution.Categorical c = asCategorical(current);
            if (b == null || c == null) {
                return problem(name, baseline, baseline, current, "the baseline is " + baseline.kind().key()
                        + " but the current data is " + current.kind().key()
                        + " (declare the column's type to compare it)", CheckStatus.ERROR);
            }
            baseline = b;
            current = c;
        }
        if (baseline.count() == 0 || current.count() == 0) {
            return problem(name, baseline, baseline, current, "no non-null values in the "
                    + (baseline.count() == 0 ? "baseline" : "current data"), CheckStatus.ERROR);
        }
        boolean exact = baseline.exact() && current.exact();
        if (baseline instanceof ColumnDistribution.Numeric b && current instanceof ColumnDistribution.Numeric c) {
            return new ColumnDrift(name, ColumnKind.NUMERIC, b.count(), c.count(), 0,
                    NumericDrift.compute(b.values(), b.stdDev(), c.values()), exact, null, null);
        }
        ColumnDistribution.Categorical b = (ColumnDistribution.Categorical) baseline;
        ColumnDistribution.Categorical c = (ColumnDistribution.Categorical) current;
        if (!b.complete() || !c.complete()) {
            return problem(name, baseline, baseline, current, "more than " + DataFileDistributions.MAX_CATEGORIES
                    + " distinct values; categorical drift is not computed for such columns"
                    + " (exclude it, or declare it numeric)", CheckStatus.INCONCLUSIVE);
        }
        java.util.Set<String> union = new java.util.HashSet<>(b.counts().keySet());
        union.addAll(c.counts().keySet());
        return new ColumnDrift(name, ColumnKind.CATEGORICAL, b.count(), c.count(), union.size(),
                CategoricalDrift.compute(b.counts(), c.counts()), exact, null, null);
    }

    /** A numeric column whose distinct values were counted can be compared as categories. */
    private static ColumnDistribution.Categorical asCategorical(ColumnDistribution column) {
        if (column instanceof ColumnDistribution.Categorical categorical) {
            return categorical;
        }
        ColumnDistribution.Numeric numeric = (ColumnDistribution.Numeric) column;
        if (numeric.valueCounts() == null) {
            return null;
        }
        return new ColumnDistribution.Categorical(numeric.name(), numeric.nulls(), numeric.count(),
                new HashMap<>(numeric.valueCounts()), true);
    }

    private static ColumnDrift problem(String name, ColumnDistribution any, ColumnDistribution baseline,
            ColumnDistribution current, String problem, CheckStatus status) {
        ColumnKind kind = any == null ? ColumnKind.CATEGORICAL : any.kind();
        return new ColumnDrift(name, kind, baseline == null ? 0 : baseline.count(),
                current == null ? 0 : current.count(), 0, Map.of(), false, problem, status);
    }

    static DriftCheckResult evaluate(ColumnDrift column, DriftCheck check) {
        if (column.problem() != null) {
            return new DriftCheckResult(column.name(), check, Double.NaN, column.problemStatus(), column.problem());
        }
        double value = column.value(check.metric());
        if (Double.isNaN(value)) {
            return new DriftCheckResult(column.name(), check, value, CheckStatus.INCONCLUSIVE,
                    check.metric().key() + " is undefined for this column (e.g. the baseline has no spread)");
        }
        boolean drift = check.metric().breaks(value, check.threshold());
        CheckStatus status = drift ? CheckStatus.failedAt(check.severity()) : CheckStatus.PASSED;
        String message = check.metric().key() + " = " + DriftReport.format(value)
                + (drift ? ", beyond " : ", within ") + DriftReport.format(check.threshold())
                + (column.exact() ? "" : " (approximate: baseline from a sketch)");
        return new DriftCheckResult(column.name(), check, value, status, message);
    }
}
