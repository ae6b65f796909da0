package io.jenkins.plugins.cd4ml.steps.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The view model of one section of a build's ML reports (one step call). Every section has a
 * verdict, facts and check rows in the shared {@code CheckOutcome} shape; typed parts (drift
 * columns, gates, fairness matrices, model version, deployment timeline, GPUs) are filled where
 * the report has them. Reading is tolerant: unknown fields are ignored, missing ones left empty.
 */
public final class ReportSection {
    /** Top-level fields that are not shown as facts: structure, or shown elsewhere. */
    private static final Set<String> NOT_FACTS = Set.of("schemaVersion", "kind", "verdict", "status", "error",
            "summary", "columns", "deployment");

    private final String key;
    private final String kind;
    private final Status verdict;
    private final List<Fact> facts;
    private final List<CheckRow> checks;
    private final List<DriftColumn> driftColumns;
    private final List<GateRow> gates;
    private final List<FairnessMatrix> fairness;
    private final List<Fact> lineage;
    private final List<TimelineEvent> deployments;
    private final List<GpuRow> gpus;
    private final String error;

    private ReportSection(Builder builder) {
        key = builder.key;
        kind = builder.kind;
        verdict = builder.verdict;
        facts = List.copyOf(builder.facts);
        checks = List.copyOf(builder.checks);
        driftColumns = List.copyOf(builder.driftColumns);
        gates = List.copyOf(builder.gates);
        fairness = List.copyOf(builder.fairness);
        lineage = List.copyOf(builder.lineage);
        deployments = List.copyOf(builder.deployments);
        gpus = List.copyOf(builder.gpus);
        error = builder.error;
    }

    /**
     * @param key the section name, e.g. {@code validateData:train}
     * @param report the section's JSON
     * @return its view model
     */
    static ReportSection read(String key, JsonNode report) {
        Builder builder = new Builder(key, kindOf(key, report));
        builder.verdict = Status.parse(JsonText.text(report, "verdict", "status"));
        report.fields().forEachRemaining(field -> addFacts(builder.facts, field.getKey(), field.getValue()));
        JsonNode error = report.get("error");
        if (error != null && !error.isNull()) {
            builder.error = error.isObject() ? JsonText.text(error, "message", "problem") : error.asText();
            builder.verdict = builder.verdict.worst(Status.ERROR);
        }
        switch (builder.kind) {
            case "quality-gate" -> {
                JsonText.array(report, "gates", "results", "checks").forEach(n -> builder.gates.add(GateRow.of(n)));
                builder.gates.forEach(g -> builder.checks.add(g.getCheck()));
                builder.fairness.addAll(FairnessMatrix.read(report.get("fairness")));
            }
            case "model-version" -> {
                addLineage(builder.lineage, "", JsonText.object(report, "lineage"));
                if (builder.verdict == Status.UNKNOWN && report.hasNonNull("version")) {
                    // registered; accepted despite failed gates (allowFailedGates) is worth a warning
                    builder.verdict = report.path("failedGatesAccepted").asBoolean(false) ? Status.UNSTABLE
                            : Status.PASSED;
                }
            }
            case "deployment" -> readDeployment(builder, report);
            case "gpu-usage" -> {
                builder.gpus.addAll(GpuRow.read(report));
                if (builder.verdict == Status.UNKNOWN && report.has("idle")) {
                    builder.verdict = idleStatus(report);
                }
            }
            case "training" -> readTraining(builder, report);
            default -> {
                // data validation, drift and anything newer: the shared row shape
            }
        }
        if (builder.checks.isEmpty()) {
            String group = "drift".equals(builder.kind) ? "drift" : "expectations";
            JsonText.array(report, "results", "checks", "outcomes").forEach(n -> builder.checks.add(CheckRow.of(group, n)));
        }
        if ("drift".equals(builder.kind)) {
            builder.driftColumns.addAll(DriftColumn.read(JsonText.object(report, "columns")));
        }
        if (builder.verdict == Status.UNKNOWN) {
            builder.verdict = builder.checks.stream().map(CheckRow::getStatus).reduce(Status.UNKNOWN, Status::worst);
        }
        return new ReportSection(builder);
    }

    /** A section for a record that could not be read at all. */
    static ReportSection unreadable(String key, String problem) {
        Builder builder = new Builder(key, "unknown");
        builder.verdict = Status.ERROR;
        builder.error = problem;
        return new ReportSection(builder);
    }

    /**
     * {@code deployModel} records {@code {"schemaVersion", "deployment": <the engine's record>, "url"}};
     * the record's outcome is the verdict, its fields are facts and its events the timeline.
     */
    private static void readDeployment(Builder builder, JsonNode report) {
        JsonNode record = report.path("deployment").isObject() ? report.get("deployment") : report;
        if (record != report) {
            record.fields().forEachRemaining(field -> {
                if (!"events".equals(field.getKey())) {
                    addFacts(builder.facts, field.getKey(), field.getValue());
                }
            });
            JsonNode traffic = record.path("serving").path("traffic");
            if (traffic.isObject() && !traffic.isEmpty()) {
                List<String> shares = new ArrayList<>();
                traffic.fields().forEachRemaining(f -> shares.add("version " + f.getKey() + ": "
                        + JsonText.format(f.getValue()) + " %"));
                builder.facts.add(new Fact("serving.traffic", String.join(", ", shares)));
            }
        }
        String environment = JsonText.text(record, "environment", "target");
        String version = JsonText.text(record, "version", "modelVersion");
        JsonText.array(record, "events", "history", "timeline")
                .forEach(n -> builder.deployments.add(TimelineEvent.of(n, environment, version)));
        if (builder.verdict == Status.UNKNOWN) {
            builder.verdict = deploymentStatus(JsonText.text(record, "outcome"));
        }
    }

    /**
     * {@code trainModel} records the command's result ({@code succeeded}, {@code exitCode},
     * {@code outputs}, {@code problems}) and the stage's GPU report under {@code gpu}.
     */
    private static void readTraining(Builder builder, JsonNode report) {
        List<String> words = new ArrayList<>();
        JsonText.array(report, "command").forEach(word -> words.add(word.asText()));
        if (!words.isEmpty()) {
            builder.facts.add(new Fact("command", String.join(" ", words)));
        }
        for (JsonNode output : JsonText.array(report, "outputs")) {
            String digest = JsonText.text(output, "digest");
            builder.facts.add(new Fact("output " + JsonText.text(output, "name"), JsonText.text(output, "path")
                    + (digest.isEmpty() ? " (not written)" : " (" + JsonText.text(output, "bytes") + " bytes, "
                    + digest + ")")));
        }
        JsonText.array(report, "problems").forEach(problem -> builder.facts.add(new Fact("problem", problem.asText())));
        JsonNode gpu = JsonText.object(report, "gpu");
        builder.gpus.addAll(GpuRow.read(gpu));
        if (builder.verdict == Status.UNKNOWN && report.has("succeeded")) {
            builder.verdict = report.get("succeeded").asBoolean() ? idleStatus(gpu) : Status.FAILED;
        }
    }

    /** A stage whose GPUs sat idle is marked UNSTABLE (as the step marks its node); otherwise it passed. */
    private static Status idleStatus(JsonNode gpuReport) {
        return gpuReport.path("idle").asBoolean(false) ? Status.UNSTABLE : Status.PASSED;
    }

    /** DEPLOYED passes; every other finished outcome (rolled back, refused, aborted, …) failed. */
    private static Status deploymentStatus(String outcome) {
        if (outcome.isEmpty() || "IN_PROGRESS".equals(outcome)) {
            return Status.UNKNOWN;
        }
        return "DEPLOYED".equals(outcome) ? Status.PASSED : Status.FAILED;
    }

    private static String kindOf(String key, JsonNode report) {
        String kind = JsonText.text(report, "kind").toLowerCase(Locale.ROOT);
        String step = key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
        if (kind.contains("gate") || step.equals("qualityGate")) {
            return "quality-gate";
        }
        if (kind.contains("drift") || step.toLowerCase(Locale.ROOT).contains("drift")) {
            return "drift";
        }
        if (kind.contains("validation") || step.equals("validateData")) {
            return "data-validation";
        }
        if (kind.contains("model") || step.equals("registerModel")) {
            return "model-version";
        }
        if (kind.contains("deploy") || step.toLowerCase(Locale.ROOT).contains("deploy")) {
            return "deployment";
        }
        if (kind.equals("sagemaker-training")) {
            return kind; // facts and verdict as the engine wrote them; no local command or GPUs
        }
        if (kind.contains("training") || step.equals("training") || step.equals("trainModel")) {
            return "training";
        }
        if (kind.contains("gpu") || step.equals("gpu")) {
            return "gpu-usage";
        }
        return kind.isEmpty() ? "other" : kind;
    }

    private static void addFacts(List<Fact> facts, String name, JsonNode value) {
        if (NOT_FACTS.contains(name) || value == null || value.isNull()) {
            return;
        }
        if (value.isValueNode()) {
            facts.add(new Fact(name, JsonText.format(value)));
        } else if (value.isObject() && !"lineage".equals(name) && !"fairness".equals(name)) {
            value.fields().forEachRemaining(inner -> {
                if (inner.getValue().isValueNode() && !inner.getValue().isNull()) {
                    facts.add(new Fact(name + "." + inner.getKey(), JsonText.format(inner.getValue())));
                }
            });
        }
    }

    private static void addLineage(List<Fact> lineage, String prefix, JsonNode node) {
        node.fields().forEachRemaining(field -> {
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                addLineage(lineage, name + ".", value);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.isValueNode() ? JsonText.format(item) : describe(item)));
                lineage.add(new Fact(name, String.join(", ", items)));
            } else if (!value.isNull()) {
                lineage.add(new Fact(name, JsonText.format(value)));
            }
        });
    }

    /** A dataset, artifact or gate of a lineage list in one line: its values, e.g. {@code data/train.csv · sha256:… · 5120}. */
    private static String describe(JsonNode item) {
        List<String> values = new ArrayList<>();
        item.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                values.add(JsonText.format(field.getValue()));
            }
        });
        return values.isEmpty() ? item.toString() : String.join(" · ", values);
    }

    /** @return the section name, e.g. {@code qualityGate:accuracy} */
    public String getKey() {
        return key;
    }

    /** @return the step that recorded it, e.g. {@code qualityGate} */
    public String getStep() {
        return key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
    }

    /** @return the user's id of the call ({@code accuracy}), or "" */
    public String getId() {
        return key.contains(":") ? key.substring(key.indexOf(':') + 1) : "";
    }

    /**
     * @return what the section reports: {@code data-validation}, {@code drift}, {@code quality-gate},
     *     {@code model-version}, {@code deployment}, {@code gpu-usage}, {@code training} or the
     *     report's own kind
     */
    public String getKind() {
        return kind;
    }

    /** @return a heading, e.g. {@code Quality gate: accuracy} */
    public String getTitle() {
        String title = switch (kind) {
            case "data-validation" -> "Data validation";
            case "drift" -> "Drift";
            case "quality-gate" -> "Quality gate";
            case "model-version" -> "Registered model";
            case "deployment" -> "Deployment";
            case "gpu-usage" -> "GPU usage";
            case "sagemaker-training" -> "SageMaker training";
            case "training" -> "Training";
            default -> getStep();
        };
        return getId().isEmpty() ? title : title + ": " + getId();
    }

    /** @return an HTML id for the section's anchor and tables (letters, digits and dashes only) */
    public String getAnchor() {
        return "cd4ml-" + key.replaceAll("[^A-Za-z0-9]", "-");
    }

    public Status getVerdict() {
        return verdict;
    }

    public List<Fact> getFacts() {
        return facts;
    }

    /** @return every row in the shared check shape (expectations, drift checks, gates) */
    public List<CheckRow> getChecks() {
        return checks;
    }

    /**
     * @param status a status
     * @return how many rows have it
     */
    public long count(Status status) {
        return checks.stream().filter(c -> c.getStatus() == status).count();
    }

    public List<DriftColumn> getDriftColumns() {
        return driftColumns;
    }

    public List<GateRow> getGates() {
        return gates;
    }

    public List<FairnessMatrix> getFairness() {
        return fairness;
    }

    /** @return the registered model's lineage, flattened ({@code dataset.fingerprint: …}) */
    public List<Fact> getLineage() {
        return lineage;
    }

    public List<TimelineEvent> getDeployments() {
        return deployments;
    }

    public List<GpuRow> getGpus() {
        return gpus;
    }

    /** @return why the section could not be evaluated, or "" */
    public String getError() {
        return error;
    }

    public boolean isGateSection() {
        return "quality-gate".equals(kind);
    }

    public boolean isDriftSection() {
        return "drift".equals(kind);
    }

    /** @return whether the plain check table is the right view (not for gates, which have their own) */
    public boolean isShowChecks() {
        return !checks.isEmpty() && !isGateSection();
    }

    private static final class Builder {
        private final String key;
        private final String kind;
        private Status verdict = Status.UNKNOWN;
        private final List<Fact> facts = new ArrayList<>();
        private final List<CheckRow> checks = new ArrayList<>();
        private final List<DriftColumn> driftColumns = new ArrayList<>();
        private final List<GateRow> gates = new ArrayList<>();
        private final List<FairnessMatrix> fairness = new ArrayList<>();
        private final List<Fact> lineage = new ArrayList<>();
        private final List<TimelineEvent> deployments = new ArrayList<>();
        private final List<GpuRow> gpus = new ArrayList<>();
        private String error = "";

        Builder(String key, String kind) {
            this.key = key;
            this.kind = kind;
        }
    }
}
