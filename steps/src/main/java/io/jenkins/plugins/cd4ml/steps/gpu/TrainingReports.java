package io.jenkins.plugins.cd4ml.steps.gpu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.gpu.train.CollectedOutput;
import io.jenkins.plugins.cd4ml.gpu.train.TrainingResult;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code training} report section and the map {@code trainModel} returns, from one
 * {@link TrainingOutcome}. The return value holds JDK types only, so Pipeline scripts can keep it.
 */
final class TrainingReports {
    private TrainingReports() {
    }

    /**
     * @param outcome what the agent brought back
     * @param outputs the declared outputs (for their user names)
     * @param command the command's words
     * @return the report: {@code schemaVersion}, command, exit code, timed out, duration, each output
     *     with name, kind, path, digest, bytes, files (and metrics), problems, and the GPU report
     */
    static String toJson(TrainingOutcome outcome, TrainingOutputs outputs, List<String> command) {
        TrainingResult result = outcome.result();
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.put("succeeded", result.succeeded());
        ArrayNode words = root.putArray("command");
        command.forEach(words::add);
        root.put("exitCode", result.exitCode());
        root.put("timedOut", result.timedOut());
        root.put("durationSeconds", result.duration().toMillis() / 1000.0);
        ArrayNode collected = root.putArray("outputs");
        for (int i = 0; i < result.outputs().size(); i++) {
            CollectedOutput output = result.outputs().get(i);
            ObjectNode node = collected.addObject();
            node.put("name", outputs.names().get(i));
            node.put("kind", output.declared().kind().name().toLowerCase(Locale.ROOT));
            node.put("path", output.declared().path());
            node.put("present", output.present());
            node.put("digest", output.digest());
            node.put("bytes", output.bytes());
            node.put("files", output.files());
            if (!output.metrics().isEmpty()) {
                node.set("metrics", Json.mapper().valueToTree(output.metrics()));
            }
        }
        ArrayNode problems = root.putArray("problems");
        result.problems().forEach(problems::add);
        if (outcome.gpu() != null) {
            root.set("gpu", GpuReports.toJson(outcome.gpu()));
        } else {
            root.putNull("gpu");
        }
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param outcome what the agent brought back
     * @param outputs the declared outputs
     * @return {@code exitCode}, {@code durationSeconds}, {@code outputs} (name → path, digest,
     *     bytes, files), {@code metrics} (all metrics files merged, name → number) and {@code gpu}
     *     (summary or {@code null})
     */
    static Map<String, Object> toReturnValue(TrainingOutcome outcome, TrainingOutputs outputs) {
        TrainingResult result = outcome.result();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("exitCode", result.exitCode());
        value.put("durationSeconds", result.duration().toMillis() / 1000.0);
        Map<String, Object> collected = new LinkedHashMap<>();
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (int i = 0; i < result.outputs().size(); i++) {
            CollectedOutput output = result.outputs().get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", output.declared().path());
            entry.put("digest", output.digest());
            entry.put("bytes", output.bytes());
            entry.put("files", output.files());
            collected.put(outputs.names().get(i), entry);
            metrics.putAll(output.metrics());
        }
        value.put("outputs", collected);
        value.put("metrics", metrics);
        value.put("gpu", outcome.gpu() == null ? null : GpuReports.summary(outcome.gpu()));
        return value;
    }

    /**
     * @param result the command's result
     * @return why the step fails, or empty when it succeeded
     */
    static String failure(TrainingResult result) {
        if (result.succeeded()) {
            return "";
        }
        List<String> reasons = new ArrayList<>();
        if (result.timedOut()) {
            reasons.add("the command timed out after " + result.duration().toSeconds() + " s");
        } else if (result.exitCode() != 0) {
            reasons.add("the command failed with exit code " + result.exitCode());
        }
        reasons.addAll(result.problems());
        return "trainModel: " + String.join("; ", reasons);
    }
}
