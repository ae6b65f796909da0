package io.jenkins.plugins.cd4ml.steps.gates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.cd4ml.gates.quality.GateReport;
import io.jenkins.plugins.cd4ml.gates.quality.GateResult;
import io.jenkins.plugins.cd4ml.gates.quality.Interval;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.CheckOutcome;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent sends back: the engine's report, or why the gates could not be evaluated
 * (verdict ERROR, never a pass).
 *
 * @param report the report, or {@code null} on error
 * @param error what could not be read, or {@code null}
 */
record GateOutcome(@CheckForNull GateReport report, @CheckForNull String error) implements Serializable {
    private static final long serialVersionUID = 1L;

    static GateOutcome of(GateReport report) {
        return new GateOutcome(report, null);
    }

    static GateOutcome error(String message) {
        return new GateOutcome(null, message);
    }

    Verdict verdict() {
        return report == null ? Verdict.ERROR : report.verdict();
    }

    /** @return the JSON recorded on the build: the engine's report, or an ERROR document with the message */
    String json() {
        try {
            if (report != null) {
                return Json.mapper().writeValueAsString(report.toJson());
            }
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("schemaVersion", Json.SCHEMA_VERSION);
            root.put("kind", "quality-gates");
            root.put("verdict", Verdict.ERROR.name());
            root.put("error", error);
            root.putArray("gates");
            return Json.mapper().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the gate report", e);
        }
    }

    /** @return the report in the common shape (for the check run): the engine's, or one ERROR row */
    ReportDocument document() {
        if (report != null) {
            return report.toDocument();
        }
        return new ReportDocument("Quality gates", Verdict.ERROR, List.of(), List.of(new CheckOutcome("gates",
                "input", CheckStatus.ERROR, Severity.FAILURE, "", "", String.valueOf(error))));
    }

    /** @return the build log's summary */
    String text() {
        return report != null ? report.toText() : "Quality gates: ERROR\n  could not evaluate: " + error + "\n";
    }

    /** @return one line for the build result */
    String summary() {
        if (report == null) {
            return error;
        }
        StringBuilder line = new StringBuilder("quality gates ").append(report.verdict());
        report.counts().forEach((status, count) -> line.append(", ").append(count).append(' ').append(status));
        if (report.baseline() != null) {
            line.append(" (baseline ").append(report.baseline().version()).append(')');
        }
        return line.toString();
    }

    /**
     * The step's return value; only JDK types (kept in the Pipeline program state).
     *
     * @return verdict, gates (name, metric, status, candidate, baseline, delta, ci), baselineVersion, dataDigest
     */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", verdict().name());
        List<Map<String, Object>> gates = new ArrayList<>();
        if (report != null) {
            for (GateResult result : report.results()) {
                Map<String, Object> gate = new LinkedHashMap<>();
                gate.put("name", result.gate().name());
                gate.put("metric", result.gate().metric());
                gate.put("status", result.status().name());
                gate.put("candidate", finite(result.candidate()));
                gate.put("baseline", finite(result.baseline()));
                gate.put("delta", finite(result.delta()));
                gate.put("ci", interval(result.deltaInterval().defined() ? result.deltaInterval()
                        : result.candidateInterval()));
                gate.put("detail", result.detail());
                gates.add(gate);
            }
        }
        map.put("gates", gates);
        map.put("baselineVersion", report == null || report.baseline() == null ? null : report.baseline().version());
        map.put("dataDigest", report == null ? null : report.dataDigest());
        map.put("error", error);
        return map;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static List<Double> interval(Interval interval) {
        return interval.defined() ? new ArrayList<>(Arrays.asList(interval.low(), interval.high())) : null;
    }
}
