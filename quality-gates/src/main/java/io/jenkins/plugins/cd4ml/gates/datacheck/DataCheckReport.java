package io.jenkins.plugins.cd4ml.gates.datacheck;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.gates.drift.DriftReport;
import io.jenkins.plugins.cd4ml.gates.drift.DriftReportJson;
import io.jenkins.plugins.cd4ml.gates.expectations.ValidationReport;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.CheckOutcome;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one data check found: the expectations' results and, when a baseline was given, the drift
 * comparison, with their combined verdict ({@link Verdict#and}). The value {@code cd4ml validate}
 * prints and the {@code validateData} step brings back from the agent; immutable and serializable.
 *
 * @param validation the expectations' report (verdict {@code ERROR} when anything, drift
 *     included, could not be evaluated)
 * @param drift the drift comparison, or {@code null} without a baseline (or on error)
 * @param verdict the validation's verdict combined with the drift verdict
 */
public record DataCheckReport(ValidationReport validation, DriftReport drift, Verdict verdict)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Requires the validation and a verdict consistent with the parts. */
    public DataCheckReport {
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(verdict, "verdict");
        if (validation.isError() && (drift != null || verdict != Verdict.ERROR)) {
            throw new IllegalArgumentException("an ERROR validation carries no drift and the verdict ERROR");
        }
    }

    /**
     * @param validation the expectations' report
     * @param drift the drift comparison, or {@code null}
     * @return both, with the combined verdict
     */
    public static DataCheckReport of(ValidationReport validation, DriftReport drift) {
        if (validation.isError()) {
            return new DataCheckReport(validation, null, Verdict.ERROR);
        }
        Verdict combined = drift == null ? validation.verdict() : validation.verdict().and(drift.verdict());
        return new DataCheckReport(validation, drift, combined);
    }

    /** @return whether the data could not be evaluated (no pass or fail is claimed) */
    @JsonIgnore
    public boolean isError() {
        return verdict == Verdict.ERROR;
    }

    /** @return every check: the expectations, then the drift checks */
    @JsonIgnore
    public List<CheckOutcome> outcomes() {
        List<CheckOutcome> outcomes = new ArrayList<>(validation.outcomes());
        if (drift != null) {
            outcomes.addAll(drift.toCheckOutcomes());
        }
        return outcomes;
    }

    /** @return the report in the common shape the text, JUnit, Markdown and HTML renderers draw */
    @JsonIgnore
    public ReportDocument document() {
        ReportDocument expectations = validation.document();
        List<ReportDocument.Fact> facts = new ArrayList<>(expectations.facts());
        if (drift != null) {
            facts.add(new ReportDocument.Fact("baseline", drift.baseline()));
            facts.add(new ReportDocument.Fact("baseline rows", Long.toString(drift.baselineRows())));
        }
        return new ReportDocument(expectations.title(), verdict, facts, outcomes());
    }

    /**
     * The documented JSON report ({@code docs/validation.md}): the validation report with the
     * combined {@code verdict} and, with a baseline, a {@code drift} member holding the drift
     * report ({@code docs/drift.md}).
     *
     * @return the JSON document
     */
    @JsonIgnore
    public ObjectNode toJson() {
        ObjectNode root = Json.mapper().valueToTree(validation);
        root.put("verdict", verdict.name());
        if (drift != null) {
            root.set("drift", DriftReportJson.write(drift));
        }
        return root;
    }
}
