package io.jenkins.plugins.cd4ml.steps.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.deploy.DeploymentEvent;
import io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRecord;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.MarkdownRenderer;
import io.jenkins.plugins.cd4ml.steps.checks.CheckConclusion;
import io.jenkins.plugins.cd4ml.steps.checks.CheckRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a deployment step returns and records: the outcome map given back to the Pipeline script and
 * the {@code deployment:<environment>} section of the build's ML reports (the record as JSON, with
 * its timeline). Both are built from the engine's record only, so they say what was read back.
 */
final class DeploymentReports {
    private DeploymentReports() {
    }

    /**
     * @param environment an environment's name
     * @return the report section name, e.g. {@code deployment:staging}
     */
    static String section(String environment) {
        String id = environment.replaceAll("[^A-Za-z0-9._-]", "_");
        return "deployment:" + (id.length() > 100 ? id.substring(0, 100) : id);
    }

    /**
     * The step's return value: plain strings, numbers, lists and maps (safe to keep in a CPS program).
     *
     * @param record the finished deployment
     * @param url the local target's URL, or {@code null}
     * @return outcome, reason, model, version, environment, previousVersion, strategy, serving
     *     (status, traffic per version, verified, detail), id, events (at, phase, message), url
     */
    static Map<String, Object> outcome(DeploymentRecord record, String url) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", record.outcome() == null ? "IN_PROGRESS" : record.outcome().name());
        map.put("reason", record.reason());
        map.put("id", record.id());
        map.put("model", record.model());
        map.put("version", record.version());
        map.put("environment", record.environment());
        map.put("previousVersion", record.previousVersion());
        map.put("strategy", record.strategy() == null ? "" : record.strategy().describe());
        Map<String, Object> serving = new LinkedHashMap<>();
        if (record.serving() != null) {
            serving.put("status", record.serving().status().name());
            serving.put("traffic", new LinkedHashMap<>(record.serving().traffic()));
            serving.put("verified", record.serving().verified());
            serving.put("detail", record.serving().detail());
        }
        map.put("serving", serving);
        List<Map<String, Object>> events = new ArrayList<>();
        for (DeploymentEvent event : record.events()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at", event.at().toString());
            entry.put("phase", event.phase());
            entry.put("message", event.message());
            events.add(entry);
        }
        map.put("events", events);
        if (url != null) {
            map.put("url", url);
        }
        return map;
    }

    /**
     * @param record the finished deployment
     * @param url the local target's URL, or {@code null}
     * @return the ML reports section: {@code {"schemaVersion", "deployment": record, "url"?}}
     * @throws JsonProcessingException never for engine records
     */
    static String json(DeploymentRecord record, String url) throws JsonProcessingException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.set("deployment", Json.mapper().valueToTree(record));
        if (url != null) {
            root.put("url", url);
        }
        return Json.mapper().writeValueAsString(root);
    }

    /**
     * The check run {@code deployModel}/{@code promoteModel} publish (with {@code checks-api}):
     * SUCCESS when the new version is verified serving, FAILURE for every other outcome (rolled
     * back, refused, failed, aborted); the summary says what serves, the text is the timeline.
     *
     * @param record the finished deployment
     * @param url the local target's URL, or {@code null}
     * @return the check run, named {@code cd4ml / deployment: <environment>}
     */
    static CheckRun check(DeploymentRecord record, String url) {
        boolean deployed = record.outcome() == DeploymentOutcome.DEPLOYED;
        String outcome = record.outcome() == null ? "IN_PROGRESS" : record.outcome().name();
        String title = record.model() + " version " + record.version() + " to " + record.environment() + ": " + outcome;
        StringBuilder summary = new StringBuilder("## ").append(deployed ? "✅ " : "❌ ")
                .append(MarkdownRenderer.escape(title)).append("\n\n");
        if (!record.reason().isEmpty()) {
            summary.append("**").append(MarkdownRenderer.escape(record.reason())).append("**\n\n");
        }
        fact(summary, "previous version", record.previousVersion());
        fact(summary, "strategy", record.strategy() == null ? null : record.strategy().describe());
        if (record.serving() != null) {
            List<String> traffic = new ArrayList<>();
            record.serving().traffic().forEach((version, percent) -> traffic.add("version " + version + " " + percent + " %"));
            fact(summary, "serving", record.serving().status() + (traffic.isEmpty() ? "" : ": " + String.join(", ", traffic))
                    + (record.serving().verified() ? " (verified)" : " (not verified)"));
        }
        fact(summary, "url", url);
        fact(summary, "deployment id", record.id());
        StringBuilder text = new StringBuilder("| Time | Phase | What happened |\n| --- | --- | --- |\n");
        for (DeploymentEvent event : record.events()) {
            text.append("| ").append(event.at()).append(" | ").append(MarkdownRenderer.escape(event.phase()))
                    .append(" | ").append(MarkdownRenderer.escape(event.message())).append(" |\n");
        }
        return new CheckRun(CheckRun.name("deployment", record.environment()),
                deployed ? CheckConclusion.SUCCESS : CheckConclusion.FAILURE, title, summary.toString(), text.toString());
    }

    private static void fact(StringBuilder markdown, String label, String value) {
        if (value != null && !value.isEmpty()) {
            markdown.append("- ").append(label).append(": ").append(MarkdownRenderer.escape(value)).append('\n');
        }
    }

    /**
     * @param event a timeline event
     * @return its build log line
     */
    static String line(String step, DeploymentEvent event) {
        return step + ": " + String.format("%-10s", event.phase()) + " " + event.message();
    }
}
