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
    void anUnsupportedFormatIsAUsageError() throws Exception {
        assertThat(gate("  - {metric: accuracy, threshold: 0.5}\n", "--format", "html")).isEqualTo(2);
    }
}
