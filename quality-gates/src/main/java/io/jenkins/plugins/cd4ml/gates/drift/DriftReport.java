package io.jenkins.plugins.cd4ml.gates.drift;

import io.jenkins.plugins.cd4ml.report.CheckOutcome;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of comparing a current dataset with a baseline: per column every metric, per check its
 * outcome, and the overall verdict. Immutable and serializable, so it travels from a Jenkins agent
 * to the controller unchanged; {@link DriftReportJson} writes its documented JSON form.
 *
 * @param baseline where the baseline came from (a data file, a profile, a statistics.json)
 * @param current the current data file
 * @param baselineRows rows in the baseline
 * @param currentRows rows in the current data
 * @param columns the compared columns, in baseline order
 * @param missingColumns baseline columns the current data lacks (each is a warning-level check)
 * @param checks every check's outcome
 * @param verdict the worst outcome of all checks
 */
public record DriftReport(String baseline, String current, long baselineRows, long currentRows,
        List<ColumnDrift> columns, List<String> missingColumns, List<DriftCheckResult> checks, Verdict verdict)
        implements Serializable {
    /** The group name of drift rows in the shared check vocabulary. */
    public static final String GROUP = "drift";

    public DriftReport {
        columns = List.copyOf(columns);
        missingColumns = List.copyOf(missingColumns);
        checks = List.copyOf(checks);
    }

    /**
     * @param name a column name
     * @return the column's drift, or {@code null} when it was not compared
     */
    public ColumnDrift column(String name) {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The verdict of a list of check outcomes: the worst status wins; no checks means passed.
     *
     * @param checks the outcomes
     * @param missingColumns baseline columns absent from the current data
     * @return the verdict
     */
    static Verdict verdictOf(List<DriftCheckResult> checks, List<String> missingColumns) {
        Verdict verdict = missingColumns.isEmpty() ? Verdict.PASSED : Verdict.UNSTABLE;
        for (DriftCheckResult check : checks) {
            verdict = verdict.and(check.status().toVerdict());
        }
        return verdict;
    }

    /**
     * Maps this report to the shared rows the JUnit, Markdown and HTML renderers read: one per
     * check, plus one per missing column.
     *
     * @return the rows
     */
    public List<CheckOutcome> toCheckOutcomes() {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (DriftCheckResult result : checks) {
            DriftCheck check = result.check();
            outcomes.add(new CheckOutcome(GROUP, result.column() + ": " + check.describe(), result.status(),
                    check.severity(), Double.isNaN(result.value()) ? "" : format(result.value()),
                    check.metric().breakingOperator() + " " + format(check.threshold()), result.message()));
        }
        for (String name : missingColumns) {
            outcomes.add(new CheckOutcome(GROUP, name + ": column present", CheckStatus.UNSTABLE, Severity.WARNING,
                    "missing", "present", "the baseline has column '" + name + "' but the current data does not"));
        }
        return outcomes;
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value != 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e6)) {
            return String.format(java.util.Locale.ROOT, "%.4g", value);
        }
        return String.format(java.util.Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
