package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report of a SageMaker training job, as JSON (build report, {@code --format json}) and as text lines. */
public final class SageMakerTrainingReport {
    /** The report's {@code kind}. */
    public static final String KIND = "sagemaker-training";

    private SageMakerTrainingReport() {
    }

    /**
     * @param result how the job ended
     * @return PASSED when it completed, FAILED when it failed or was stopped
     */
    public static Verdict verdict(SageMakerTrainingResult result) {
        return result.succeeded() ? Verdict.PASSED : Verdict.FAILED;
    }

    /**
     * @param result how the job ended
     * @return {@code schemaVersion}, {@code kind: "sagemaker-training"}, {@code verdict}, job name and ARN,
     *     {@code jobStatus}, secondary
     *     status, failure reason, spot, training and billable seconds, savings percent (or null),
     *     interruptions, metrics, model artifacts, adopted, stop requested, transitions
     */
    public static ObjectNode toJson(SageMakerTrainingResult result) {
        return toJson(result, null);
    }

    /**
     * @param result how the job ended
     * @param logs where following the container logs got to, or {@code null} when they were not followed
     * @return {@link #toJson(SageMakerTrainingResult)}, with {@code containerLogLines} (how many lines went to the
     *     log; never the lines themselves) when {@code logs} is given
     */
    public static ObjectNode toJson(SageMakerTrainingResult result, TrainingLogCursor logs) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.put("kind", KIND);
        root.put("verdict", verdict(result).name());
        root.put("succeeded", result.succeeded());
        root.put("jobName", result.jobName());
        root.put("jobArn", result.jobArn());
        root.put("jobStatus", result.status());
        root.put("secondaryStatus", result.secondaryStatus());
        root.put("failureReason", result.failureReason());
        root.put("managedSpot", result.managedSpot());
        root.put("trainingSeconds", result.trainingSeconds());
        root.put("billableSeconds", result.billableSeconds());
        if (result.savingsPercent().isPresent()) {
            root.put("savingsPercent", result.savingsPercent().getAsDouble());
        } else {
            root.putNull("savingsPercent");
        }
        root.put("interruptions", result.interruptions());
        root.set("metrics", Json.mapper().valueToTree(result.metrics()));
        root.put("modelArtifacts", result.modelArtifacts());
        root.put("adopted", result.adopted());
        root.put("stopRequested", result.stopRequested());
        if (logs != null) {
            root.put("containerLogLines", logs.lines());
        }
        ArrayNode transitions = root.putArray("transitions");
        for (StatusTransition t : result.transitions()) {
            ObjectNode node = transitions.addObject();
            node.put("status", t.status());
            node.put("start", t.start() == null ? null : t.start().toString());
            node.put("end", t.end() == null ? null : t.end().toString());
            node.put("message", t.message());
        }
        return root;
    }

    /**
     * @param result how the job ended
     * @return a summary for logs and the terminal
     */
    public static List<String> toText(SageMakerTrainingResult result) {
        List<String> lines = new ArrayList<>();
        lines.add("SageMaker training job " + result.jobName() + ": " + result.status()
                + (result.secondaryStatus().isEmpty() ? "" : " (" + result.secondaryStatus() + ")"));
        if (!result.failureReason().isEmpty()) {
            lines.add("  failure reason: " + result.failureReason());
        }
        String savings = result.savingsPercent().isPresent()
                ? String.format(Locale.ROOT, ", spot savings %.1f %%", result.savingsPercent().getAsDouble()) : "";
        lines.add("  training " + result.trainingSeconds() + " s, billable " + result.billableSeconds() + " s"
                + savings + (result.interruptions() > 0 ? ", " + result.interruptions()
                        + " spot interruption(s) resumed from checkpoint" : ""));
        result.metrics().forEach((name, value) -> lines.add("  " + name + " = " + value));
        if (!result.modelArtifacts().isEmpty()) {
            lines.add("  model: " + result.modelArtifacts());
        }
        return lines;
    }

    /**
     * @param result how the job ended
     * @return why the training failed, or "" when it completed
     */
    public static String failure(SageMakerTrainingResult result) {
        if (result.succeeded()) {
            return "";
        }
        return "SageMaker training job " + result.jobName() + " " + result.status()
                + (result.failureReason().isEmpty() ? "" : ": " + result.failureReason());
    }
}
