package io.jenkins.plugins.cd4ml.gates.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.registry.GateResult;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model version records of a quality-gate report ({@link GateReport#toJson()}): the overall
 * verdict, one verdict per gate (with the report's digest and where it is) and the candidate's
 * value of every whole-data metric (gates without slice or sensitive groups). Read by
 * {@code cd4ml registry register --gate-report} and the {@code registerModel} step, which also
 * refuse to register when {@link #failed()}.
 *
 * @param verdict the report's overall verdict
 * @param gates one entry per gate, plus the overall verdict under the name {@code "overall"}
 * @param metrics metric name to the candidate's value
 */
public record GateVerdicts(Verdict verdict, List<GateResult> gates, Map<String, Double> metrics) {
    /** Immutable copies. */
    public GateVerdicts {
        gates = List.copyOf(gates);
        metrics = Map.copyOf(metrics);
    }

    /** @return whether the report's verdict is FAILED or ERROR (a gate that did not pass cannot be waived silently) */
    public boolean failed() {
        return verdict == Verdict.FAILED || verdict == Verdict.ERROR;
    }

    /**
     * @param json a gate report as JSON text
     * @param location where the report is (a file, or a build's report section), recorded on the version
     * @return the verdicts
     * @throws InvalidInputException if the text is not a quality-gate report
     */
    public static GateVerdicts parse(String json, String location) throws InvalidInputException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(new SourceLocation(location, e.getLocation() == null ? 0
                    : e.getLocation().getLineNr(), e.getLocation() == null ? 0 : e.getLocation().getColumnNr()),
                    "not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !"quality-gates".equals(root.path("kind").asText()) || !root.path("gates").isArray()) {
            throw new InvalidInputException(SourceLocation.ofFile(location),
                    "expected a quality-gate report (JSON with \"kind\": \"quality-gates\" and \"gates\")");
        }
        String digest = ContentDigest.sha256(json.getBytes(StandardCharsets.UTF_8));
        Verdict overall = verdict(root.path("verdict").asText(), location);
        List<GateResult> gates = new ArrayList<>();
        gates.add(new GateResult("overall", overall, digest, location));
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (JsonNode gate : root.get("gates")) {
            gates.add(new GateResult(gate.path("name").asText(), verdict(gate.path("verdict").asText(), location),
                    digest, location));
            boolean wholeData = gate.path("slice").isEmpty() && gate.path("sensitive").isEmpty();
            if (wholeData && gate.path("candidate").isNumber()) {
                metrics.putIfAbsent(gate.path("metric").asText(), gate.get("candidate").asDouble());
            }
        }
        return new GateVerdicts(overall, gates, metrics);
    }

    private static Verdict verdict(String text, String location) throws InvalidInputException {
        try {
            return Verdict.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(SourceLocation.ofFile(location),
                    "unknown verdict '" + text + "' (expected PASSED, UNSTABLE, FAILED or ERROR)");
        }
    }
}
