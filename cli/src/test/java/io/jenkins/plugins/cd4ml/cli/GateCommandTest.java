package io.jenkins.plugins.cd4ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cd4ml gate}: verdicts and exit codes on a reference vector. */
class GateCommandTest {
    private static final Path PREDICTIONS =
            Path.of("../quality-gates/src/test/resources/metrics-vectors/binary-balanced/predictions.csv");
    private static final String HEAD = "task: binary\ncolumns: {label: label, score: score, prediction: prediction}\n"
            + "sensitive: group\nbootstrap: {resamples: 100, seed: 1}\ngates:\n";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int gate(String gates, String... extra) throws Exception {
        Path file = Files.writeString(dir.resolve("gates.yaml"), HEAD + gates);
        String[] args = new String[5 + extra.length];
        args[0] = "gate";
        args[1] = "--predictions";
        args[2] = PREDICTIONS.toString();
        args[3] = "--gates";
        args[4] = file.toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        return Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void passingGatesExitZero() throws Exception {
        assertThat(gate("  - {metric: accuracy, threshold: 0.7}\n  - {metric: roc_auc, threshold: 0.85}\n"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("Quality gates: PASSED", "sha256:");
    }

    @Test
    void aFailedGateExitsOneAndAWarningFour() throws Exception {
        assertThat(gate("  - {metric: accuracy, threshold: 0.95}\n")).isEqualTo(1);
        assertThat(gate("  - {metric: accuracy, threshold: 0.95, severity: warning}\n")).isEqualTo(4);
    }

    @Test
    void theFourFifthsPresetOnTheReferenceData() throws Exception {
        // demographic parity ratio of binary-balanced is 0.84 (expected.json)
        assertThat(gate("  - {preset: four_fifths}\n", "--resamples", "0", "--format", "json")).isZero();
        JsonNode report = Json.mapper().readTree(out.toString());
        assertThat(report.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(report.at("/gates/0/candidate").asDouble()).isCloseTo(0.8418393446481544,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(report.at("/gates/0/status").asText()).isEqualTo("PASSED");
        assertThat(report.get("verdict").asText()).isEqualTo("PASSED");
    }

    @Test
    void theFairnessSectionEqualsWhatTheMetricsCommandPrintsForTheSameFile() throws Exception {
        assertThat(gate("  - {preset: four_fifths}\n", "--baseline-predictions", PREDICTIONS.toString(),
                "--baseline-version", "7", "--resamples", "0", "--format", "json")).as(err.toString()).isZero();
        JsonNode gateReport = Json.mapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        assertThat(Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), "metrics", "--predictions",
                PREDICTIONS.toString(), "--task", "binary", "--label", "label", "--score", "score", "--prediction",
                "prediction", "--sensitive", "group", "--format", "json")).as(err.toString()).isZero();
        JsonNode fairness = Json.mapper().readTree(out.toString()).at("/metrics/fairness");

        JsonNode attribute = gateReport.at("/fairness/0");
        assertThat(attribute.get("attribute").asText()).isEqualTo("group");
        assertThat(attribute.get("groups")).hasSize(fairness.get("group_size").size());
        java.util.Map<String, String> maps = java.util.Map.of("selection_rate", "selection_rate",
                "true_positive_rate", "true_positive_rate", "false_positive_rate", "false_positive_rate",
                "accuracy", "accuracy_by_group");
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (JsonNode group : attribute.get("groups")) {
            String name = group.get("group").asText();
            soft.assertThat(group.get("rows")).isEqualTo(fairness.at("/group_size/" + name));
            maps.forEach((metric, map) -> {
                JsonNode printed = fairness.get(map).get(name);
                soft.assertThat(group.at("/candidate/" + metric)).as(name + " " + metric).isEqualTo(printed);
                // the baseline here is the same predictions file, so its groups print the same values
                soft.assertThat(group.at("/baseline/" + metric)).as(name + " baseline " + metric).isEqualTo(printed);
            });
        }
        soft.assertAll();
    }

    @Test
    void aBaselineFileIsComparedAndNamed() throws Exception {
        assertThat(gate("  - {metric: roc_auc, max_regression: 0.0}\n", "--baseline-predictions",
                PREDICTIONS.toString(), "--baseline-version", "credit-risk:7", "--format", "json")).isZero();
        JsonNode report = Json.mapper().readTree(out.toString());
        assertThat(report.at("/baseline/version").asText()).isEqualTo("credit-risk:7");
        assertThat(report.at("/gates/0/delta").asDouble()).isZero();
    }

    @Test
    void noBaselineWarnsByDefault() throws Exception {
        assertThat(gate("  - {metric: roc_auc, max_regression: 0.01}\n")).isEqualTo(4);
        assertThat(out.toString()).contains("NO_BASELINE");
    }

    @Test
    void aGateOnAMissingColumnIsErrorExitThree() throws Exception {
        assertThat(gate("  - {metric: accuracy, slice: {country: FR}, threshold: 0.5}\n")).isEqualTo(3);
        assertThat(out.toString()).contains("ERROR", "missing column 'country'");
    }

    @Test
    void anInvalidGatesFileIsExitThreeWithItsLocation() throws Exception {
        assertThat(gate("  - {metric: accuracy, treshold: 0.5}\n")).isEqualTo(3);
        assertThat(err.toString()).contains("gates.yaml:6:").contains("unknown key 'treshold'");
    }

    @Test
    void sharedRenderersGiveJunitMarkdownAndHtml() throws Exception {
        String gates = "  - {metric: accuracy, threshold: 0.7}\n  - {metric: accuracy, threshold: 0.99}\n";
        assertThat(gate(gates, "--format", "junit")).isEqualTo(1);
        assertThat(out.toString()).startsWith("<?xml").contains("<testsuite", "failures=\"1\"", "<failure");
        out.getBuffer().setLength(0);
        assertThat(gate(gates, "--format", "markdown")).isEqualTo(1);
        assertThat(out.toString()).contains("Quality gates", "FAILED", "|")
                .contains("### by group", "| group | rows | selection\\_rate |", "| a | 2511 |"); // the per-group table
        out.getBuffer().setLength(0);
        assertThat(gate(gates, "--format", "html")).isEqualTo(1);
        assertThat(out.toString()).contains("<html", "Quality gates", "<h2>by group</h2>", "<th>selection_rate</th>");
    }

    @Test
    void theBaselineIsTheVersionTheRegistryServes() throws Exception {
        Path store = dir.resolve("registry");
        Path model = Files.writeString(dir.resolve("model.bin"), "weights");
        // v1 registered with its evaluation predictions and the evaluation data's digest, then promoted
        assertThat(Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), "registry", "register", "--store",
                store.toString(), "--name", "credit-risk", "--artifact", model.toString(),
                "--evaluation-predictions", PREDICTIONS.toString(), "--evaluation-data", PREDICTIONS.toString()))
                .as(err.toString()).isZero();
        String gates = "  - {metric: roc_auc, max_regression: 0.0}\n";
        out.getBuffer().setLength(0);
        assertThat(gate(gates, "--registry", store.toString(), "--model", "credit-risk", "--format", "json"))
                .as(err.toString()).isEqualTo(4);
        assertThat(Json.mapper().readTree(out.toString()).get("baseline").isNull()).isTrue();
        assertThat(Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), "registry", "alias", "--store",
                store.toString(), "--name", "credit-risk", "--alias", "production", "--version", "1")).isZero();

        out.getBuffer().setLength(0);
        assertThat(gate(gates, "--registry", store.toString(), "--model", "credit-risk",
                "--evaluation-data", PREDICTIONS.toString(), "--format", "json")).as(err.toString()).isZero();
        JsonNode report = Json.mapper().readTree(out.toString());
        String digest = io.jenkins.plugins.cd4ml.lineage.ContentDigest.sha256(PREDICTIONS);
        assertThat(report.at("/baseline/version").asText()).isEqualTo("credit-risk:1");
        assertThat(report.at("/baseline/predictionsDigest").asText()).isEqualTo(digest);
        assertThat(report.at("/data/digest").asText()).isEqualTo(digest);
        assertThat(report.at("/gates/0/delta").asDouble()).isZero();
        assertThat(report.at("/gates/0/status").asText()).isEqualTo("PASSED");

        // the same candidate scored on other evaluation data cannot be compared: exit 3
        Path other = Files.writeString(dir.resolve("other.csv"), "id\n1\n");
        assertThat(gate(gates, "--registry", store.toString(), "--model", "credit-risk",
                "--evaluation-data", other.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("credit-risk:1", "same evaluation data");
    }

    @Test
    void aGateReportIsRecordedAndAFailedOneRefusesRegistration() throws Exception {
        Path model = Files.writeString(dir.resolve("model.bin"), "weights");
        Path store = dir.resolve("registry");
        assertThat(gate("  - {metric: accuracy, threshold: 0.7}\n  - {metric: roc_auc, threshold: 0.99,"
                + " severity: warning}\n", "--format", "json")).isEqualTo(4);
        Path unstable = Files.writeString(dir.resolve("unstable.json"), out.toString());
        out.getBuffer().setLength(0);
        assertThat(gate("  - {metric: accuracy, threshold: 0.99}\n", "--format", "json")).isEqualTo(1);
        Path failed = Files.writeString(dir.resolve("failed.json"), out.toString());
        out.getBuffer().setLength(0);

        assertThat(Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), "registry", "register", "--store",
                store.toString(), "--name", "m", "--artifact", model.toString(), "--gate-report", failed.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("refusing to register");
        assertThat(Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), "registry", "register", "--store",
                store.toString(), "--name", "m", "--artifact", model.toString(), "--gate-report", unstable.toString(),
                "--format", "json")).as(err.toString()).isZero();
        JsonNode version = Json.mapper().readTree(out.toString());
        assertThat(version.get("version").asInt()).isEqualTo(1);
        assertThat(version.toString()).contains("UNSTABLE", "overall");
        assertThat(version.at("/metrics/accuracy").isNumber()).isTrue();
    }
}
