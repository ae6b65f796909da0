package io.jenkins.plugins.cd4ml.gates.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.report.CheckOutcome;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateEvaluatorTest {
    @TempDir
    Path dir;

    private Path predictions;

    /**
     * A synthetic evaluation file: a good candidate ({@code score}), a slightly weaker baseline
     * ({@code baseline_score}), a much weaker model ({@code weak_score}), sex and region columns.
     */
    @BeforeEach
    void writePredictions() throws Exception {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("id,label,score,baseline_score,weak_score,sex,region\n");
        for (int i = 0; i < 3000; i++) {
            int label = random.nextDouble() < 0.4 ? 1 : 0;
            double signal = label == 1 ? 1.0 : -1.0;
            csv.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%s,%s%n", i, label,
                    sigmoid(1.0 * signal + random.nextGaussian()),
                    sigmoid(0.9 * signal + random.nextGaussian()),
                    sigmoid(0.3 * signal + random.nextGaussian()),
                    random.nextBoolean() ? "F" : "M", i % 500 == 0 ? "island" : i % 2 == 0 ? "north" : "south"));
        }
        predictions = Files.writeString(dir.resolve("preds.csv"), csv);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private GateReport evaluate(String gates, BaselineSource baseline) throws InvalidInputException {
        return GateEvaluator.evaluate(GatesFileParser.parse("gates.yaml", gates), predictions, baseline);
    }

    private static String file(String columns, String gates) {
        return "task: binary\ncolumns: {label: label, score: score" + columns + "}\n"
                + "bootstrap: {resamples: 200, seed: 5}\ngates:\n" + gates;
    }

    @Test
    void absoluteThresholdsPassFailAndWarnBySeverity() throws Exception {
        GateReport report = evaluate(file("", """
                  - {metric: accuracy, threshold: 0.7}
                  - {metric: roc_auc, threshold: 0.99}
                  - {metric: roc_auc, threshold: 0.99, severity: warning}
                """), BaselineSource.none());

        assertThat(report.results()).extracting(GateResult::status)
                .containsExactly(CheckStatus.PASSED, CheckStatus.FAILED, CheckStatus.UNSTABLE);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        GateResult accuracy = report.results().get(0);
        assertThat(accuracy.candidateInterval().low()).isLessThanOrEqualTo(accuracy.candidate());
        assertThat(accuracy.candidateInterval().high()).isGreaterThanOrEqualTo(accuracy.candidate());
        assertThat(report.dataDigest()).isEqualTo(ContentDigest.sha256Input(predictions));
        assertThat(report.rows()).isEqualTo(3000);
    }

    @Test
    void withoutABaselineComparisonsAreNoBaselineUnderThePolicy() throws Exception {
        String gates = "  - {metric: roc_auc, max_regression: 0.01}\n";
        GateReport warn = evaluate(file("", gates), BaselineSource.none());
        GateReport pass = evaluate(file("", gates).replace("gates:", "policies: {no_baseline: pass}\ngates:"),
                BaselineSource.none());
        GateReport fail = evaluate(file("", gates).replace("gates:", "policies: {no_baseline: fail}\ngates:"),
                BaselineSource.none());

        assertThat(warn.results().get(0).status()).isEqualTo(CheckStatus.NO_BASELINE);
        assertThat(warn.verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(pass.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(fail.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(warn.baseline()).isNull();
        assertThat(warn.toJson().get("baseline").isNull()).isTrue();
    }

    @Test
    void theSameModelAsBaselineHasAZeroDeltaAndPasses() throws Exception {
        GateReport report = evaluate(file(", baseline_score: score", "  - {metric: roc_auc, max_regression: 0}\n"),
                BaselineSource.sameFile("v1"));

        GateResult result = report.results().get(0);
        assertThat(result.delta()).isZero();
        assertThat(result.deltaInterval()).isEqualTo(new Interval(0, 0));
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.baseline().version()).isEqualTo("v1");
    }

    @Test
    void aMuchWorseCandidateFailsTheRegressionGate() throws Exception {
        String gates = "  - {metric: roc_auc, max_regression: 0.01}\n  - {metric: log_loss, max_regression: 0.01}\n";
        GateReport report = evaluate(("task: binary\ncolumns: {label: label, score: weak_score,"
                + " baseline_score: score}\nbootstrap: {resamples: 200, seed: 5}\ngates:\n" + gates),
                BaselineSource.sameFile("v7"));

        assertThat(report.results()).extracting(GateResult::status)
                .containsExactly(CheckStatus.FAILED, CheckStatus.FAILED);
        GateResult auc = report.results().get(0);
        assertThat(auc.delta()).isNegative();
        assertThat(auc.deltaInterval().high()).isLessThan(-0.01);
        assertThat(auc.detail()).contains("v7");
    }

    @Test
    void aBetterCandidateMeetsMinDeltaAndThePairedIntervalIsNarrowerThanUnpaired() throws Exception {
        GateReport report = evaluate(("task: binary\ncolumns: {label: label, score: score,"
                + " baseline_score: weak_score}\nbootstrap: {resamples: 300, seed: 5}\ngates:\n"
                + "  - {metric: roc_auc, min_delta: 0.05}\n"), BaselineSource.sameFile("v7"));

        GateResult auc = report.results().get(0);
        assertThat(auc.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(auc.deltaInterval().low()).isGreaterThan(0.05);
        assertThat(auc.deltaInterval().low()).isLessThan(auc.delta());
        assertThat(auc.deltaInterval().high()).isGreaterThan(auc.delta());
    }

    @Test
    void aSeparateBaselineFileJoinedByIdGivesTheSameResultAsColumns() throws Exception {
        List<String> lines = Files.readAllLines(predictions);
        StringBuilder shuffled = new StringBuilder("id,label,score\n");
        for (int i = lines.size() - 1; i >= 1; i--) { // reversed row order: the id join must undo it
            String[] f = lines.get(i).split(",");
            shuffled.append(f[0]).append(',').append(f[1]).append(',').append(f[3]).append('\n');
        }
        Path baselineFile = Files.writeString(dir.resolve("baseline.csv"), shuffled);
        String gates = "  - {metric: f1, max_regression: 0.02}\n  - {metric: roc_auc, max_regression: 0.02}\n";

        GateReport joined = evaluate(file(", id: id", gates), BaselineSource.file(baselineFile, "v3"));
        GateReport columns = evaluate(file(", baseline_score: baseline_score", gates), BaselineSource.sameFile("v3"));

        for (int g = 0; g < 2; g++) {
            assertThat(joined.results().get(g).delta()).isEqualTo(columns.results().get(g).delta());
            assertThat(joined.results().get(g).deltaInterval()).isEqualTo(columns.results().get(g).deltaInterval());
        }
        assertThat(joined.baseline().predictionsDigest()).isEqualTo(ContentDigest.sha256Input(baselineFile));
    }

    @Test
    void theCandidatesOwnFileAsBaselineGivesWhatACopyOfItGives() throws Exception {
        Path copy = Files.copy(predictions, dir.resolve("copy.csv"));
        String gates = """
                  - {metric: roc_auc, max_regression: 0.01}
                  - {metric: log_loss, max_regression: 0.01}
                  - {metric: accuracy, max_regression: 0.01, slice: {region: north}}
                  - {metric: demographic_parity_ratio, threshold: 0.5, sensitive: [sex]}
                """;

        GateReport self = evaluate(file("", gates), BaselineSource.file(predictions, "self"));
        GateReport copied = evaluate(file("", gates), BaselineSource.file(copy, "self"));

        assertThat(self.results()).isEqualTo(copied.results());
        assertThat(self.results()).allSatisfy(result -> assertThat(result.delta()).isZero());
        assertThat(self.baseline().predictionsDigest()).isEqualTo(ContentDigest.sha256Input(predictions))
                .isEqualTo(copied.baseline().predictionsDigest()).isEqualTo(self.dataDigest());
    }

    @Test
    void theCandidatesOwnFileAsBaselineIsStillJoinedAndChecked() throws Exception {
        Path duplicated = Files.writeString(dir.resolve("dup.csv"), "id,label,score\n7,1,0.9\n7,0,0.2\n8,0,0.4\n");
        assertThatThrownBy(() -> GateEvaluator.evaluate(GatesFileParser.parse("gates.yaml",
                file(", id: id", "  - {metric: accuracy, max_regression: 0.02}\n")), duplicated,
                BaselineSource.file(duplicated, "self")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("duplicate id '7'");
    }

    @Test
    void aBaselineFileWithOtherLabelsCannotBeJoined() throws Exception {
        Path other = Files.writeString(dir.resolve("other.csv"), "label,score\n" + "1,0.5\n".repeat(3000));
        assertThatThrownBy(() -> evaluate(file("", "  - {metric: f1, max_regression: 0.02}\n"),
                BaselineSource.file(other, "v1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("different label");
    }

    @Test
    void aBaselineScoredOnOtherDataIsRejected() {
        BaselineSource source = () -> java.util.Optional.of(new Baseline("v2", predictions, "sha256:00"));
        assertThatThrownBy(() -> evaluate(file("", "  - {metric: f1, max_regression: 0.02}\n"), source))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("same evaluation data");
    }

    @Test
    void slicesGroupsSupportAndMissingColumns() throws Exception {
        GateReport report = evaluate(file("", """
                  - {metric: accuracy, slice: {sex: F}, threshold: 0.6}
                  - {metric: demographic_parity_ratio, sensitive: [sex], threshold: 0.0}
                  - {metric: accuracy_difference, sensitive: [region], threshold: 1.0, min_support: 10}
                  - {metric: accuracy, slice: {planet: mars}, threshold: 0.6}
                  - {metric: accuracy, slice: {sex: X}, threshold: 0.6}
                  - {metric: equalized_odds_difference, sensitive: [sex, region], threshold: 1.0}
                """), BaselineSource.none());

        assertThat(report.results()).extracting(GateResult::status).containsExactly(CheckStatus.PASSED,
                CheckStatus.PASSED, CheckStatus.INCONCLUSIVE, CheckStatus.ERROR, CheckStatus.ERROR, CheckStatus.PASSED);
        assertThat(report.results().get(0).support()).isBetween(1300L, 1700L);
        assertThat(report.results().get(2).support()).isEqualTo(6);
        assertThat(report.results().get(3).detail()).contains("missing column 'planet'");
        assertThat(report.results().get(4).detail()).contains("matches no row").contains("[F, M]");
        assertThat(report.verdict()).as("ERROR is never a pass").isEqualTo(Verdict.ERROR);
    }

    @Test
    void aMissingMetricFails() throws Exception {
        GateReport report = evaluate("task: binary\ncolumns: {label: label, prediction: label}\ngates:\n  - {metric: roc_auc, threshold: 0.5, severity: warning}\n",
                BaselineSource.none());

        assertThat(report.results().get(0).status()).isEqualTo(CheckStatus.FAILED);
        assertThat(report.results().get(0).detail()).contains("missing metric");
    }

    @Test
    void anIntervalStraddlingTheThresholdIsInconclusiveUnderTheConfidenceRule() throws Exception {
        GateReport probe = evaluate(file("", "  - {metric: accuracy, threshold: 0.0}\n"), BaselineSource.none());
        double accuracy = probe.results().get(0).candidate();
        String gate = "  - {metric: accuracy, threshold: " + accuracy + "}\n";

        GateReport confidence = evaluate(file("", gate), BaselineSource.none());
        GateReport point = evaluate(file("", gate).replace("gates:", "policies: {decide_on: point}\ngates:"),
                BaselineSource.none());

        assertThat(confidence.results().get(0).status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(confidence.verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(point.results().get(0).status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void theSameSeedGivesTheSameReportAndAnotherSeedOtherIntervals() throws Exception {
        String gates = file(", baseline_score: baseline_score", "  - {metric: roc_auc, max_regression: 0.01}\n");
        GateReport a = evaluate(gates, BaselineSource.sameFile("v1"));
        GateReport b = evaluate(gates, BaselineSource.sameFile("v1"));
        GateReport c = evaluate(gates.replace("seed: 5", "seed: 6"), BaselineSource.sameFile("v1"));

        assertThat(a).isEqualTo(b);
        assertThat(a.toJson()).isEqualTo(b.toJson());
        assertThat(c.results().get(0).deltaInterval()).isNotEqualTo(a.results().get(0).deltaInterval());
    }

    @Test
    void mapsToCheckOutcomesAndSerializes() throws Exception {
        GateReport report = evaluate(file("", "  - {name: floor, metric: accuracy, threshold: 0.7}\n"),
                BaselineSource.none());

        assertThat(report.toCheckOutcomes()).singleElement().satisfies(outcome -> {
            assertThat(outcome.group()).isEqualTo("gates");
            assertThat(outcome.name()).isEqualTo("floor");
            assertThat(outcome.status()).isEqualTo(CheckStatus.PASSED);
            assertThat(outcome.threshold()).isEqualTo(">= 0.7000");
        });
        ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream());
        out.writeObject(report);
        out.close();
        assertThat(report.toJson().get("schemaVersion").asText()).isNotBlank();
        assertThat(report.toText()).contains("PASSED", "floor");
        List<CheckOutcome> outcomes = report.toCheckOutcomes();
        assertThat(outcomes).hasSize(1);
    }
}
