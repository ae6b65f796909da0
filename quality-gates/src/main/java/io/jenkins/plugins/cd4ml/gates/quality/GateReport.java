package io.jenkins.plugins.cd4ml.gates.quality;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.gates.metrics.Task;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.CheckOutcome;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of evaluating a gates file: immutable and serializable, so a Jenkins agent can ship
 * it back to the controller. It names the data both models were scored on (digest) and the
 * baseline version compared with.
 *
 * @param source the evaluation file
 * @param dataDigest {@code sha256:…} of the evaluation file
 * @param rows rows evaluated
 * @param task the task
 * @param baseline the baseline compared with, or {@code null} when there was none
 * @param bootstrap the bootstrap settings used
 * @param policies the policies applied
 * @param results one result per gate, in file order
 * @param fairness the per-group metrics of each sensitive or slice attribute the gates file names
 *     ({@link GatesFile#groupAttributes()}), empty when it names none
 */
public record GateReport(String source, String dataDigest, long rows, Task task, BaselineReference baseline,
        BootstrapSettings bootstrap, GatePolicies policies, List<GateResult> results, List<GroupMetrics> fairness)
        implements Serializable {
    /** The report section name in {@link CheckOutcome#group()}. */
    public static final String GROUP = "gates";

    /** Canonical form: immutable lists. */
    public GateReport {
        results = List.copyOf(results);
        fairness = List.copyOf(fairness);
    }

    /**
     * A report without per-group metrics.
     *
     * @param source the evaluation file
     * @param dataDigest {@code sha256:…} of the evaluation file
     * @param rows rows evaluated
     * @param task the task
     * @param baseline the baseline compared with, or {@code null}
     * @param bootstrap the bootstrap settings used
     * @param policies the policies applied
     * @param results one result per gate, in file order
     */
    public GateReport(String source, String dataDigest, long rows, Task task, BaselineReference baseline,
            BootstrapSettings bootstrap, GatePolicies policies, List<GateResult> results) {
        this(source, dataDigest, rows, task, baseline, bootstrap, policies, results, List.of());
    }

    /** @return the overall verdict: the worst of the gates' verdicts (ERROR over FAILED over UNSTABLE) */
    public Verdict verdict() {
        Verdict verdict = Verdict.PASSED;
        for (GateResult result : results) {
            verdict = verdict.and(result.verdict());
        }
        return verdict;
    }

    /** @return the number of gates in each state */
    public Map<CheckStatus, Long> counts() {
        Map<CheckStatus, Long> counts = new java.util.EnumMap<>(CheckStatus.class);
        for (GateResult result : results) {
            counts.merge(result.status(), 1L, Long::sum);
        }
        return counts;
    }

    /** @return the gates in the common check vocabulary, for the JUnit/Markdown/HTML renderers */
    public List<CheckOutcome> toCheckOutcomes() {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (GateResult result : results) {
            GateDefinition gate = result.gate();
            outcomes.add(new CheckOutcome(GROUP, gate.name(), result.status(), gate.severity(),
                    GateEvaluator.format(result.candidate()), thresholdText(gate), result.detail()));
        }
        return outcomes;
    }

    private static String thresholdText(GateDefinition gate) {
        List<String> parts = new ArrayList<>();
        if (gate.threshold() != null) {
            parts.add(gate.direction().symbol() + " " + GateEvaluator.format(gate.threshold()));
        }
        if (gate.maxRegression() != null) {
            parts.add("max_regression " + GateEvaluator.format(gate.maxRegression()));
        }
        if (gate.minDelta() != null) {
            parts.add("min_delta " + GateEvaluator.format(gate.minDelta()));
        }
        return String.join(", ", parts);
    }

    /** @return the versioned JSON report (schema in docs/quality-gates.md) */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.put("kind", "quality-gates");
        root.put("verdict", verdict().name());
        ObjectNode data = root.putObject("data");
        data.put("source", source);
        data.put("digest", dataDigest);
        data.put("rows", rows);
        data.put("task", task.reportName());
        if (baseline == null) {
            root.putNull("baseline");
        } else {
            ObjectNode b = root.putObject("baseline");
            b.put("version", baseline.version());
            b.put("source", baseline.source());
            b.put("predictionsDigest", baseline.predictionsDigest());
        }
        ObjectNode settings = root.putObject("bootstrap");
        settings.put("method", "paired Poisson bootstrap, percentile interval");
        settings.put("resamples", bootstrap.resamples());
        settings.put("confidence", bootstrap.confidence());
        settings.put("seed", bootstrap.seed());
        ObjectNode policy = root.putObject("policies");
        policy.put("no_baseline", policies.noBaseline().id());
        policy.put("inconclusive", policies.inconclusive().id());
        policy.put("decide_on", policies.decideOn().id());
        ObjectNode summary = root.putObject("summary");
        for (CheckStatus status : CheckStatus.values()) {
            summary.put(status.name(), counts().getOrDefault(status, 0L));
        }
        var gates = root.putArray("gates");
        for (GateResult result : results) {
            GateDefinition gate = result.gate();
            ObjectNode node = gates.addObject();
            node.put("name", gate.name());
            node.put("metric", gate.metric());
            ObjectNode slice = node.putObject("slice");
            gate.slice().forEach(slice::put);
            var sensitive = node.putArray("sensitive");
            gate.sensitive().forEach(sensitive::add);
            node.put("severity", gate.severity().name().toLowerCase(Locale.ROOT));
            node.put("status", result.status().name());
            node.put("verdict", result.verdict().name());
            put(node, "candidate", result.candidate());
            interval(node, "candidateInterval", result.candidateInterval());
            put(node, "baseline", result.baseline());
            put(node, "delta", result.delta());
            interval(node, "deltaInterval", result.deltaInterval());
            if (gate.threshold() != null) {
                node.put("threshold", gate.threshold());
                node.put("direction", gate.direction().id());
            }
            if (gate.minDelta() != null) {
                node.put("min_delta", gate.minDelta());
            }
            if (gate.maxRegression() != null) {
                node.put("max_regression", gate.maxRegression());
            }
            node.put("support", result.support());
            node.put("min_support", gate.minSupport());
            node.put("detail", result.detail());
            node.put("location", gate.location().toString());
        }
        if (!fairness.isEmpty()) {
            var attributes = root.putArray("fairness");
            fairness.forEach(attribute -> attribute.writeTo(attributes.addObject()));
        }
        return root;
    }

    private static void interval(ObjectNode node, String name, Interval interval) {
        if (!interval.defined()) {
            node.putNull(name);
            return;
        }
        var array = node.putArray(name);
        array.add(interval.low());
        array.add(interval.high());
    }

    private static void put(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    /**
     * @return the report in the shared document model, for the JUnit XML, Markdown and HTML
     *     renderers ({@code io.jenkins.plugins.cd4ml.report})
     */
    public ReportDocument toDocument() {
        List<ReportDocument.Fact> facts = new ArrayList<>();
        facts.add(new ReportDocument.Fact("data", source + " (" + rows + " rows)"));
        facts.add(new ReportDocument.Fact("data digest", String.valueOf(dataDigest)));
        facts.add(new ReportDocument.Fact("baseline", baseline == null ? "none" : baseline.version()));
        if (baseline != null) {
            facts.add(new ReportDocument.Fact("baseline predictions", baseline.source()));
        }
        facts.add(new ReportDocument.Fact("bootstrap", String.format(Locale.ROOT, "%d paired resamples, seed %d",
                bootstrap.resamples(), bootstrap.seed())));
        return new ReportDocument("Quality gates", verdict(), facts, toCheckOutcomes(),
                fairness.stream().map(GroupMetrics::toTable).toList());
    }

    /** @return a human-readable report */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("Quality gates: ").append(verdict()).append('\n');
        text.append("  data:     ").append(source).append(" (").append(rows).append(" rows, ").append(dataDigest)
                .append(")\n");
        text.append("  baseline: ").append(baseline == null ? "none" : baseline.version() + " from " + baseline.source())
                .append('\n');
        text.append(String.format(Locale.ROOT, "  bootstrap: %d paired resamples, %.0f%% intervals, seed %d%n",
                bootstrap.resamples(), bootstrap.confidence() * 100, bootstrap.seed()));
        for (GateResult result : results) {
            text.append(String.format(Locale.ROOT, "  %-12s %s%n      %s%n", result.status(), result.gate().name(),
                    result.detail()));
        }
        for (GroupMetrics attribute : fairness) {
            appendGroups(text, attribute);
        }
        return text.toString();
    }

    private static void appendGroups(StringBuilder text, GroupMetrics attribute) {
        text.append("  ").append(attribute.caption()).append(":\n");
        text.append(String.format(Locale.ROOT, "    %-20s %8s", "group", "rows"));
        attribute.metrics().forEach(metric -> text.append(String.format(Locale.ROOT, " %21s", metric)));
        text.append('\n');
        for (GroupMetrics.Group group : attribute.groups()) {
            text.append(String.format(Locale.ROOT, "    %-20s %8d", group.name(), group.rows()));
            for (int m = 0; m < attribute.metrics().size(); m++) {
                text.append(String.format(Locale.ROOT, " %21s", GroupMetrics.cell(group, m)));
            }
            text.append('\n');
        }
    }
}
