package io.jenkins.plugins.cd4ml.gates.datacheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gates.expectations.ValidationOptions;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCheckRunTest {
    @TempDir
    Path dir;

    private Path csv(String name, int rows, int shift) throws Exception {
        StringBuilder text = new StringBuilder("age,colour\n");
        for (int i = 0; i < rows; i++) {
            text.append(shift + 20 + i % 40).append(',').append(i % 2 == 0 ? "red" : "blue").append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }

    private Path expectations(String text) throws Exception {
        return Files.writeString(dir.resolve("e.yaml"), text);
    }

    @Test
    void withoutBaselineItIsTheValidationAlone() throws Exception {
        DataCheckReport report = DataCheckRun.run(csv("now.csv", 100, 0),
                expectations("expectations:\n  - {type: between, column: age, max: 30, severity: warning}\n"), null,
                ValidationOptions.defaults());
        assertThat(report.drift()).isNull();
        assertThat(report.verdict()).isEqualTo(Verdict.UNSTABLE).isEqualTo(report.validation().verdict());
        assertThat(report.toJson().has("drift")).isFalse();
    }

    @Test
    void verdictsCombineWorstFirstAndDriftRowsFollowTheExpectations() throws Exception {
        Path baseline = csv("base.csv", 400, 0);
        Path warning = expectations("expectations:\n  - {type: between, column: age, max: 30, severity: warning}\n");
        DataCheckReport report = DataCheckRun.run(csv("now.csv", 400, 30), warning, baseline,
                ValidationOptions.defaults());

        assertThat(report.validation().verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(report.drift().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.verdict()).isEqualTo(Verdict.UNSTABLE.and(Verdict.FAILED)).isEqualTo(Verdict.FAILED);
        assertThat(report.outcomes()).hasSize(1 + report.drift().toCheckOutcomes().size());
        assertThat(report.outcomes().get(0).group()).isNotEqualTo("drift");
        assertThat(report.outcomes().subList(1, report.outcomes().size()))
                .allSatisfy(outcome -> assertThat(outcome.group()).isEqualTo("drift"));
        assertThat(report.document().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.document().count(CheckStatus.FAILED)).isPositive();

        var json = report.toJson();
        assertThat(json.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(json.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(json.at("/drift/columns/age/psi").asDouble()).isEqualTo(
                report.drift().column("age").value(io.jenkins.plugins.cd4ml.gates.drift.DriftMetric.PSI));
    }

    @Test
    void theReportSurvivesSerialisation() throws Exception {
        DataCheckReport report = DataCheckRun.run(csv("now.csv", 100, 5),
                expectations("expectations:\n  - {type: not_null, column: age}\n"), csv("base.csv", 100, 0),
                ValidationOptions.defaults());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            DataCheckReport copy = (DataCheckReport) in.readObject();
            assertThat(copy.toJson()).isEqualTo(report.toJson());
        }
    }

    @Test
    void aBadBaselineOrDriftSectionIsAnErrorNeverAVerdict() throws Exception {
        Path data = csv("now.csv", 50, 0);
        DataCheckReport missing = DataCheckRun.run(data, expectations("expectations: []\n"),
                dir.resolve("gone.json"), ValidationOptions.defaults());
        assertThat(missing.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(missing.validation().error().message()).contains("gone.json");
        assertThat(missing.validation().results()).isEmpty();

        DataCheckReport typo = DataCheckRun.run(data, expectations("expectations: []\ndrift:\n  exclud: [age]\n"),
                csv("base.csv", 50, 0), ValidationOptions.defaults());
        assertThat(typo.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(typo.validation().error().message()).contains("e.yaml").contains("exclud");
        assertThat(typo.outcomes()).singleElement().extracting("status").isEqualTo(CheckStatus.ERROR);
    }

    @Test
    void driftAloneReadsAStandaloneConfigOrAnExpectationsFile() throws Exception {
        Path baseline = csv("base.csv", 400, 0);
        Path current = csv("now.csv", 400, 30);
        assertThat(DriftRun.compare(baseline, current, null).verdict()).isEqualTo(Verdict.FAILED);
        Path config = Files.writeString(dir.resolve("drift.yaml"),
                "defaults:\n  - {metric: psi, threshold: 0.2, severity: warning}\n");
        assertThat(DriftRun.compare(baseline, current, config).verdict()).isEqualTo(Verdict.UNSTABLE);
        Path plain = expectations("expectations: []\n");
        assertThat(DriftRun.compare(baseline, current, plain).verdict()).as("defaults").isEqualTo(Verdict.FAILED);

        DriftRun broken = DriftRun.compare(baseline, dir.resolve("nope.csv"), null);
        assertThat(broken.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(broken.toJson().get("verdict").asText()).isEqualTo("ERROR");
        assertThat(broken.toJson().at("/error/message").asText()).contains("nope.csv");
    }
}
