package io.jenkins.plugins.cd4ml.gates.datacheck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.gates.baseline.Baseline;
import io.jenkins.plugins.cd4ml.gates.baseline.DriftEngine;
import io.jenkins.plugins.cd4ml.gates.drift.DriftConfig;
import io.jenkins.plugins.cd4ml.gates.drift.DriftReport;
import io.jenkins.plugins.cd4ml.gates.drift.DriftReportJson;
import io.jenkins.plugins.cd4ml.gates.expectations.ValidationError;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.CheckOutcome;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A drift comparison on its own (the {@code detectDrift} step): the report, or why it could not
 * be made. Serializable, so it travels back from an agent.
 *
 * @param baseline the baseline as named by the user
 * @param current the current data as named by the user
 * @param report the comparison, or {@code null} on error
 * @param error why the comparison could not be made, or {@code null}
 */
public record DriftRun(String baseline, String current, DriftReport report, ValidationError error)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Exactly one of report and error. */
    public DriftRun {
        if ((report == null) == (error == null)) {
            throw new IllegalArgumentException("a drift run has either a report or an error");
        }
    }

    /**
     * Compares; never throws for bad input.
     *
     * @param baseline a data file, cd4ml profile or SageMaker statistics.json
     * @param current the current data file
     * @param config a drift configuration (standalone or an expectations file with a
     *     {@code drift:} section); {@code null} for the defaults
     * @return the run
     */
    public static DriftRun compare(Path baseline, Path current, Path config) {
        try {
            DriftConfig settings = config == null ? DriftConfig.defaults() : DataCheckRun.driftConfig(config);
            DriftReport report = DriftEngine.compare(Baseline.load(baseline), current, settings);
            return new DriftRun(baseline.toString(), current.toString(), report, null);
        } catch (InvalidInputException e) {
            return new DriftRun(baseline.toString(), current.toString(), null, ValidationError.of(e));
        }
    }

    /** @return the report's verdict, or {@code ERROR} */
    public Verdict verdict() {
        return report == null ? Verdict.ERROR : report.verdict();
    }

    /** @return the drift checks as common rows (one ERROR row when the comparison could not be made) */
    public List<CheckOutcome> outcomes() {
        if (report == null) {
            return List.of(new CheckOutcome(DriftReport.GROUP, "input", CheckStatus.ERROR, Severity.FAILURE, "", "",
                    error.message()));
        }
        return report.toCheckOutcomes();
    }

    /** @return the run in the common shape the text, JUnit, Markdown and HTML renderers draw */
    public ReportDocument document() {
        List<ReportDocument.Fact> facts = new ArrayList<>();
        facts.add(new ReportDocument.Fact("baseline", report == null ? baseline : report.baseline()));
        facts.add(new ReportDocument.Fact("current", current));
        if (report != null) {
            facts.add(new ReportDocument.Fact("baseline rows", Long.toString(report.baselineRows())));
            facts.add(new ReportDocument.Fact("current rows", Long.toString(report.currentRows())));
            facts.add(new ReportDocument.Fact("columns", Integer.toString(report.columns().size())));
        }
        return new ReportDocument("Drift: " + current, verdict(), facts, outcomes());
    }

    /**
     * @return the drift report's JSON ({@code docs/drift.md}); on error
     *     {@code {"schemaVersion", "kind": "drift", "verdict": "ERROR", "error": {...}}}
     */
    public ObjectNode toJson() {
        if (report != null) {
            return DriftReportJson.write(report);
        }
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.put("kind", DriftReportJson.KIND);
        root.put("verdict", Verdict.ERROR.name());
        root.putObject("baseline").put("source", baseline);
        root.putObject("current").put("source", current);
        root.set("error", Json.mapper().valueToTree(error));
        return root;
    }
}
