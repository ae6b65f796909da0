package io.jenkins.plugins.cd4ml.steps.gpu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainingReport;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainingResult;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingLogCursor;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code training} report section and the map {@code trainModel sagemaker: …} returns. The
 * return value holds JDK types only, so Pipeline scripts can keep it.
 */
final class SageMakerReports {
    private SageMakerReports() {
    }

    /**
     * @param result how the job ended
     * @param logs where following the container logs got to, or {@code null} when they were not followed
     * @return the engine's report as JSON text (with the number of log lines shown, never the lines)
     */
    static String toJson(SageMakerTrainingResult result, TrainingLogCursor logs) {
        return write(SageMakerTrainingReport.toJson(result, logs));
    }

    /**
     * @param jobName the job, or {@code null} when it was never created
     * @param message why the outcome is unknown
     * @return an ERROR report
     */
    static String errorJson(String jobName, String message) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.put("kind", SageMakerTrainingReport.KIND);
        root.put("verdict", Verdict.ERROR.name());
        root.put("jobName", jobName);
        root.put("error", message);
        return write(root);
    }

    /**
     * @param result how the job ended
     * @return {@code jobName}, {@code status}, {@code trainingSeconds}, {@code billableSeconds},
     *     {@code savingsPercent} (or null), {@code interruptions}, {@code metrics}, {@code modelArtifacts}
     */
    static Map<String, Object> toReturnValue(SageMakerTrainingResult result) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("jobName", result.jobName());
        value.put("status", result.status());
        value.put("trainingSeconds", result.trainingSeconds());
        value.put("billableSeconds", result.billableSeconds());
        value.put("savingsPercent", result.savingsPercent().isPresent() ? result.savingsPercent().getAsDouble() : null);
        value.put("interruptions", result.interruptions());
        value.put("metrics", new LinkedHashMap<>(result.metrics()));
        value.put("modelArtifacts", result.modelArtifacts());
        return value;
    }

    private static String write(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
