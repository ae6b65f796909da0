package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.CheckOutcome;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a data validation found: the value the CLI prints, the Jenkins step records on the
 * build and the report page shows. Immutable and serializable, so it can travel back from an agent.
 * Its JSON form (Jackson, {@link Json#mapper()}) is the documented report schema
 * ({@code docs/validation.md}).
 *
 * @param schemaVersion {@link Json#SCHEMA_VERSION}
 * @param kind always {@code data-validation}
 * @param dataset the dataset as named by the user
 * @param expectations the expectations file as named by the user
 * @param verdict the overall outcome; {@link Verdict#ERROR} when the input could not be evaluated
 * @param rows the data rows read (0 on error)
 * @param columns the dataset's columns (empty when it could not be opened)
 * @param summary counts of results by status
 * @param results one result per expectation, in declaration order (empty on error)
 * @param error why the validation could not be carried out; null unless the verdict is ERROR
 */
public record ValidationReport(String schemaVersion, String kind, String dataset, String expectations,
        Verdict verdict, long rows, List<String> columns, Summary summary, List<ExpectationResult> results,
        ValidationError error) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the lists so the report is immutable. */
    public ValidationReport {
        columns = List.copyOf(columns);
        results = List.copyOf(results);
    }

    /**
     * Counts of results by status.
     *
     * @param total every expectation
     * @param passed those that held
     * @param failed failure-level ones that did not hold
     * @param unstable warning-level ones that did not hold
     */
    public record Summary(int total, int passed, int failed, int unstable) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Summary of(List<ExpectationResult> results) {
            int passed = 0;
            int failed = 0;
            int unstable = 0;
            for (ExpectationResult result : results) {
                switch (result.status()) {
                    case FAILED -> failed++;
                    case UNSTABLE -> unstable++;
                    default -> passed++;
                }
            }
            return new Summary(results.size(), passed, failed, unstable);
        }
    }

    static ValidationReport of(String dataset, String expectations, long rows, List<String> columns,
            List<ExpectationResult> results) {
        Verdict verdict = Verdict.PASSED;
        for (ExpectationResult result : results) {
            verdict = verdict.and(result.status().toVerdict());
        }
        return new ValidationReport(Json.SCHEMA_VERSION, "data-validation", dataset, expectations, verdict, rows,
                columns, Summary.of(results), results, null);
    }

    /**
     * The report of a validation that could not be carried out (verdict {@code ERROR}, no results).
     *
     * @param dataset the dataset as named by the user
     * @param expectations the expectations file as named by the user
     * @param exception what could not be read, located
     * @return the report
     */
    public static ValidationReport error(String dataset, String expectations, InvalidInputException exception) {
        return new ValidationReport(Json.SCHEMA_VERSION, "data-validation", dataset, expectations, Verdict.ERROR,
                0, List.of(), new Summary(0, 0, 0, 0), List.of(), ValidationError.of(exception));
    }

    /** @return whether the validation could not be carried out */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
        return verdict == Verdict.ERROR;
    }

    /** @return the report in the common shape the generic renderers draw */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public ReportDocument document() {
        List<ReportDocument.Fact> facts = new java.util.ArrayList<>();
        facts.add(new ReportDocument.Fact("dataset", dataset));
        facts.add(new ReportDocument.Fact("expectations", expectations));
        if (error == null) {
            facts.add(new ReportDocument.Fact("rows", Long.toString(rows)));
            facts.add(new ReportDocument.Fact("columns", Integer.toString(columns.size())));
        }
        return new ReportDocument("Data validation: " + dataset, verdict, facts, outcomes());
    }

    /** @return the results as common report rows (one ERROR row when the input was unusable) */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public List<CheckOutcome> outcomes() {
        if (error != null) {
            return List.of(new CheckOutcome("expectations", "input", CheckStatus.ERROR,
                    io.jenkins.plugins.cd4ml.report.Severity.FAILURE, "", "", error.message()));
        }
        return results.stream().map(ExpectationResult::toOutcome).toList();
    }
}
