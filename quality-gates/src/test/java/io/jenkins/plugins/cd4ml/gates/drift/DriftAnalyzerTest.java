package io.jenkins.plugins.cd4ml.gates.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.CheckOutcome;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftAnalyzerTest {
    @TempDir
    Path temp;

    private Path csv(String name, String content) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private DriftReport compare(String baseline, String current, DriftConfig config) throws Exception {
        DatasetDistributions b = DataFileDistributions.read(csv("b.csv", baseline), null, config.types());
        DatasetDistributions c = DataFileDistributions.read(csv("c.csv", current), null, config.types());
        return DriftAnalyzer.compare(b, c, config);
    }

    @Test
    void defaultChecksGradePsiAndRecordEveryMetric() throws Exception {
        DriftReport report = compare("x,k\n1,a\n2,a\n3,b\n4,b\n", "x,k\n1,a\n2,a\n3,b\n4,b\n", DriftConfig.defaults());
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(report.column("x").metrics()).containsKeys(DriftMetric.PSI, DriftMetric.KS_PVALUE,
                DriftMetric.WASSERSTEIN_NORMED);
        assertThat(report.column("k").metrics()).containsKeys(DriftMetric.LINF, DriftMetric.CHI2_DOF);
        assertThat(report.checks()).hasSize(4).allMatch(check -> check.status() == CheckStatus.PASSED);

        DriftReport shifted = compare("x\n1\n2\n3\n4\n", "x\n10\n20\n30\n40\n", DriftConfig.defaults());
        assertThat(shifted.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(shifted.checks()).extracting(DriftCheckResult::status)
                .containsExactly(CheckStatus.FAILED, CheckStatus.UNSTABLE);
    }

    @Test
    void pValueChecksBreakBelowTheirThreshold() throws Exception {
        DriftConfig config = DriftConfig.defaults().withDefaultChecks(
                List.of(new DriftCheck(DriftMetric.CHI2_PVALUE, 0.05, Severity.WARNING)));
        StringBuilder a = new StringBuilder("k\n");
        StringBuilder b = new StringBuilder("k\n");
        for (int i = 0; i < 200; i++) {
            a.append(i % 2 == 0 ? "x" : "y").append('\n');
            b.append(i % 10 == 0 ? "y" : "x").append('\n');
        }
        DriftReport report = compare(a.toString(), b.toString(), config);
        assertThat(report.verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(report.checks().get(0).value()).isLessThan(0.05);
    }

    @Test
    void mixedNumbersAndTextMakeACategoricalColumnAndDeclaredNumericRejectsText() throws Exception {
        DriftReport report = compare("v\n1\n2\nthree\n", "v\n1\n2\n2\n", DriftConfig.defaults());
        // the pure analyzer cannot re-read files: it names the mismatch (DriftEngine re-reads as categories)
        assertThat(report.column("v").problem()).contains("baseline is categorical but the current data is numeric");
        assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
        // the file is read again for a column that turned out categorical after numbers
        DatasetDistributions b = DataFileDistributions.read(csv("m.csv", "v\n1\n2\nthree\n"), null, Map.of());
        assertThat(b.column("v")).isInstanceOfSatisfying(ColumnDistribution.Categorical.class,
                column -> assertThat(column.counts()).containsEntry("1", 1L).containsEntry("three", 1L));

        assertThatThrownBy(() -> DataFileDistributions.read(csv("d.csv", "v\n1\nx\n"), null,
                Map.of("v", ColumnKind.NUMERIC)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("d.csv:3:1").hasMessageContaining("not a number");
    }

    @Test
    void problemsAreReportedPerColumnNeverAsPassOrFail() throws Exception {
        DriftReport report = compare("a,b,c\n1,,5\n2,,5\n", "a,b\n1,1\n2,2\n", DriftConfig.defaults());
        assertThat(report.missingColumns()).containsExactly("c");
        assertThat(report.column("b").problem()).contains("no non-null values in the baseline");
        assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
        List<CheckOutcome> outcomes = report.toCheckOutcomes();
        assertThat(outcomes).extracting(CheckOutcome::status).contains(CheckStatus.ERROR, CheckStatus.UNSTABLE);
        assertThat(outcomes).allMatch(outcome -> outcome.group().equals(DriftReport.GROUP));

        DriftReport constant = compare("a\n5\n5\n", "a\n5\n6\n", DriftConfig.defaults().withDefaultChecks(
                List.of(new DriftCheck(DriftMetric.WASSERSTEIN_NORMED, 0.1, Severity.FAILURE))));
        assertThat(constant.checks().get(0).status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(DriftReportJson.write(constant).at("/columns/a/wasserstein_normed").isNull()).isTrue();
    }

    @Test
    void tooManyCategoriesIsInconclusive() throws Exception {
        StringBuilder data = new StringBuilder("id\n");
        for (int i = 0; i <= DataFileDistributions.MAX_CATEGORIES; i++) {
            data.append("u").append(i).append('\n');
        }
        DriftReport report = compare(data.toString(), data.toString(), DriftConfig.defaults());
        assertThat(report.column("id").problemStatus()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void reportIsSerializableAndItsJsonCarriesSchemaVersion() throws Exception {
        DriftReport report = compare("x,k\n1,a\n2,b\n", "x,k\n3,a\n4,c\n", DriftConfig.defaults());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(report);
        }
        var json = DriftReportJson.write(report);
        assertThat(json.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(json.at("/columns/k/chi2_dof").asInt()).isEqualTo(2);
        assertThat(json.get("checks")).hasSize(4);
        assertThat(json.get("verdict").asText()).isEqualTo(report.verdict().name());
    }

    @Test
    void configFilesParseWithPreciseErrors() throws Exception {
        Path file = csv("drift.yaml", """
                drift:
                  columns: [a, b]
                  exclude: [id]
                  types: {b: categorical}
                  defaults:
                    - {metric: js, threshold: 0.3}
                    - {metric: jensen_shannon, threshold: 0.1, severity: warning}
                  checks:
                    a:
                      - {metric: ks_pvalue_kolmogorov, threshold: 0.001, severity: failure}
                """);
        DriftConfig config = DriftConfigParser.parse(file);
        assertThat(config.columns()).containsExactly("a", "b");
        assertThat(config.types()).containsEntry("b", ColumnKind.CATEGORICAL);
        assertThat(config.checksFor("a", ColumnKind.NUMERIC)).containsExactly(
                new DriftCheck(DriftMetric.KS_PVALUE, 0.001, Severity.FAILURE));
        assertThat(config.checksFor("b", ColumnKind.CATEGORICAL)).hasSize(2);
        assertThat(config.checksFor("b", ColumnKind.CATEGORICAL).get(0).metric()).isEqualTo(DriftMetric.JENSEN_SHANNON);

        Path typo = csv("typo.yaml", "drift:\n  checks:\n    a:\n      - {metric: psi, treshold: 0.2}\n");
        assertThatThrownBy(() -> DriftConfigParser.parse(typo)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("drift.checks.a[0].treshold").hasMessageContaining("unknown key");
        Path unknown = csv("unknown.yaml", "defaults: [{metric: nope, threshold: 1}]\n");
        assertThatThrownBy(() -> DriftConfigParser.parse(unknown)).hasMessageContaining("unknown drift metric 'nope'");
        Path malformed = csv("bad.yaml", "drift: [\n");
        assertThatThrownBy(() -> DriftConfigParser.parse(malformed)).hasMessageContaining("bad.yaml:");
        var expectations = Json.yaml().readTree("expectations: []\ndrift:\n  exclude: [id]\n");
        assertThat(DriftConfigParser.section("e.yaml", expectations)).hasValueSatisfying(
                section -> assertThat(section.exclude()).containsExactly("id"));
        assertThat(DriftConfigParser.section("e.yaml", Json.yaml().readTree("expectations: []\n"))).isEmpty();
        assertThat(DriftConfigParser.parseCheck("chi2_pvalue=0.01:warning"))
                .isEqualTo(new DriftCheck(DriftMetric.CHI2_PVALUE, 0.01, Severity.WARNING));
    }
}
