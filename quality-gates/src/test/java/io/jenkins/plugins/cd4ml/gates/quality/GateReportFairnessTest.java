package io.jenkins.plugins.cd4ml.gates.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.gates.metrics.MetricsReport;
import io.jenkins.plugins.cd4ml.gates.metrics.PredictionReader;
import io.jenkins.plugins.cd4ml.gates.metrics.PredictionSpec;
import io.jenkins.plugins.cd4ml.gates.metrics.Task;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate report's {@code fairness} section holds, per attribute and group, exactly what
 * {@code cd4ml metrics --sensitive} ({@link MetricsReport}) reports for the same file.
 */
class GateReportFairnessTest {
    /** Per-group metric of the gate report → the map of {@code cd4ml metrics} holding it, by task. */
    private static final Map<String, String> BINARY_MAPS = Map.of("selection_rate", "fairness/selection_rate",
            "true_positive_rate", "fairness/true_positive_rate", "false_positive_rate", "fairness/false_positive_rate",
            "accuracy", "fairness/accuracy_by_group");

    @TempDir
    Path dir;

    @Test
    void binaryGroupsEqualTheMetricsReportAndTheReferenceVector() throws Exception {
        Path predictions = vector("binary-skewed-groups", "predictions.csv");
        GateReport report = GateEvaluator.evaluate(GatesFileParser.parse("gates.yaml", """
                task: binary
                columns: {label: label, score: score, prediction: prediction, positive_label: "1"}
                sensitive: [group]
                bootstrap: {resamples: 0}
                gates:
                  - {metric: demographic_parity_ratio, threshold: 0.5}
                  - {metric: accuracy, threshold: 0.7}
                """), predictions, BaselineSource.none());

        JsonNode fairness = report.toJson().get("fairness");
        assertThat(fairness).hasSize(1);
        JsonNode attribute = fairness.get(0);
        assertThat(attribute.get("attribute").asText()).isEqualTo("group");
        assertThat(texts(attribute.get("metrics")))
                .containsExactly("selection_rate", "true_positive_rate", "false_positive_rate", "accuracy");
        JsonNode metrics = metricsCommandJson(predictions, new PredictionSpec(Task.BINARY, "label", "score",
                "prediction", "1", null, List.of("group"), null, null, null), "group");
        assertSameAsMetrics(attribute, "candidate", metrics, BINARY_MAPS, "fairness/group_size");

        // and so with the scikit-learn reference values
        JsonNode expected = Json.mapper().readTree(vector("binary-skewed-groups", "expected.json").toFile());
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode group : attribute.get("groups")) {
            String name = group.get("group").asText();
            BINARY_MAPS.forEach((metric, map) -> soft.assertThat(group.get("candidate").get(metric).doubleValue())
                    .as(name + " " + metric).isCloseTo(at(expected, map).get(name).doubleValue(), within(1e-9)));
        }
        soft.assertAll();
        assertThat(report.toText()).contains("by group:", "selection_rate", "g4");
    }

    @Test
    void regressionGroupsCarryTheMaeOfTheMetricsReport() throws Exception {
        Path predictions = vector("regression", "predictions.csv");
        GateReport report = GateEvaluator.evaluate(GatesFileParser.parse("gates.yaml", """
                task: regression
                columns: {label: target, prediction: predicted}
                bootstrap: {resamples: 0}
                gates:
                  - {metric: mae_difference, sensitive: [region], threshold: 5}
                """), predictions, BaselineSource.none());

        JsonNode attribute = report.toJson().get("fairness").get(0);
        assertThat(texts(attribute.get("metrics"))).containsExactly("mae");
        JsonNode metrics = metricsCommandJson(predictions, new PredictionSpec(Task.REGRESSION, "target", null,
                "predicted", null, null, List.of("region"), null, null, null), "region");
        assertSameAsMetrics(attribute, "candidate", metrics, Map.of("mae", "mae_by_group"), "fairness/group_size");
        JsonNode expected = Json.mapper().readTree(vector("regression", "expected.json").toFile());
        for (JsonNode group : attribute.get("groups")) {
            assertThat(group.get("candidate").get("mae").doubleValue())
                    .isCloseTo(expected.get("mae_by_group").get(group.get("group").asText()).doubleValue(), within(1e-9));
        }
    }

    @Test
    void baselineGroupsAreTheBaselineModelsOwnMetricsAndSlicesAndIntersectionsAreAttributes() throws Exception {
        Path predictions = synthetic();
        GateReport report = GateEvaluator.evaluate(GatesFileParser.parse("gates.yaml", """
                task: binary
                columns: {label: label, score: score, baseline_score: baseline_score}
                bootstrap: {resamples: 0}
                gates:
                  - {metric: equal_opportunity_difference, sensitive: [sex, region], threshold: 0.5}
                  - {metric: accuracy, slice: {region: north}, max_regression: 0.1}
                  - {metric: demographic_parity_difference, sensitive: [sex], threshold: 0.5}
                """), predictions, BaselineSource.sameFile("7"));

        JsonNode fairness = report.toJson().get("fairness");
        assertThat(fairness).extracting(a -> a.get("attribute").asText()).containsExactly("sex,region", "sex", "region");
        assertThat(texts(fairness.get(0).get("columns"))).containsExactly("sex", "region");
        assertThat(fairness.get(0).get("groups")).extracting(g -> g.get("group").asText()).contains("F|north", "M|south");
        for (JsonNode attribute : fairness) {
            List<String> columns = texts(attribute.get("columns"));
            String label = String.join(",", columns);
            JsonNode candidate = metricsCommandJson(predictions, new PredictionSpec(Task.BINARY, "label", "score",
                    null, "1", null, columns, null, null, null), label);
            JsonNode baseline = metricsCommandJson(predictions, new PredictionSpec(Task.BINARY, "label",
                    "baseline_score", null, "1", null, columns, null, null, null), label);
            assertSameAsMetrics(attribute, "candidate", candidate, BINARY_MAPS, "fairness/group_size");
            assertSameAsMetrics(attribute, "baseline", baseline, BINARY_MAPS, "fairness/group_size");
        }
    }

    @Test
    void noGroupedOrSlicedGateNoFairnessSectionAndTheReportStaysSerializable() throws Exception {
        Path predictions = synthetic();
        GateReport plain = GateEvaluator.evaluate(GatesFileParser.parse("gates.yaml", """
                task: binary
                columns: {label: label, score: score}
                bootstrap: {resamples: 0}
                gates:
                  - {metric: accuracy, threshold: 0.5}
                """), predictions, BaselineSource.none());
        assertThat(plain.fairness()).isEmpty();
        assertThat(plain.toJson().has("fairness")).isFalse();

        // a top-level 'sensitive' names an attribute even without a fairness gate
        GateReport named = GateEvaluator.evaluate(GatesFileParser.parse("gates.yaml", """
                task: binary
                columns: {label: label, score: score}
                sensitive: [sex]
                bootstrap: {resamples: 0}
                gates:
                  - {metric: accuracy, threshold: 0.5}
                """), predictions, BaselineSource.none());
        assertThat(named.fairness()).extracting(GroupMetrics::attribute).containsExactly("sex");
        assertThat(named.fairness().get(0).hasBaseline()).isFalse();
        assertThat(named.toJson().get("fairness").get(0).get("groups").get(0).has("baseline")).isFalse();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(named);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((GateReport) in.readObject()).toJson()).isEqualTo(named.toJson());
        }
    }

    /** Each group's rows and values are those of the metrics report, bit for bit. */
    private static void assertSameAsMetrics(JsonNode attribute, String model, JsonNode metrics,
            Map<String, String> maps, String sizes) {
        SoftAssertions soft = new SoftAssertions();
        JsonNode groups = attribute.get("groups");
        soft.assertThat(groups).hasSize(at(metrics, sizes).size());
        for (JsonNode group : groups) {
            String name = group.get("group").asText();
            soft.assertThat(group.get("rows").longValue()).as(name + " rows").isEqualTo(at(metrics, sizes).get(name).longValue());
            maps.forEach((metric, map) -> soft.assertThat(group.get(model).get(metric))
                    .as(model + " " + name + " " + metric).isEqualTo(at(metrics, map).get(name)));
        }
        soft.assertAll();
    }

    /** What {@code cd4ml metrics --sensitive} prints: the same reader and report. */
    private static JsonNode metricsCommandJson(Path file, PredictionSpec spec, String sensitive) throws Exception {
        List<String> columns = List.of(sensitive.split(","));
        return MetricsReport.of(PredictionReader.read(file, spec), columns).toJson().get("metrics");
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode value = node;
        for (String part : path.split("/")) {
            value = value.get(part);
        }
        return value;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
            texts.add(it.next().asText());
        }
        return texts;
    }

    private Path vector(String name, String file) throws Exception {
        Path target = dir.resolve(name + "-" + file);
        try (InputStream in = getClass().getResourceAsStream("/metrics-vectors/" + name + "/" + file)) {
            Files.copy(in, target);
        }
        return target;
    }

    /** Candidate and baseline scores, sex and region; a few rows of group 'island' have no positive label. */
    private Path synthetic() throws Exception {
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("id,label,score,baseline_score,sex,region\n");
        for (int i = 0; i < 1500; i++) {
            boolean island = i % 300 == 0;
            int label = !island && random.nextDouble() < 0.4 ? 1 : 0;
            double signal = label == 1 ? 1.0 : -1.0;
            csv.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%s,%s%n", i, label,
                    1 / (1 + Math.exp(-signal - random.nextGaussian())),
                    1 / (1 + Math.exp(-0.8 * signal - random.nextGaussian())),
                    random.nextBoolean() ? "F" : "M", island ? "island" : i % 2 == 0 ? "north" : "south"));
        }
        return Files.writeString(dir.resolve("synthetic.csv"), csv);
    }
}
