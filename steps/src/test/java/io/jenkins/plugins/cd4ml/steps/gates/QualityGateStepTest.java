package io.jenkins.plugins.cd4ml.steps.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.report.Verdict;
import io.jenkins.plugins.cd4ml.steps.StepArguments;
import io.jenkins.plugins.cd4ml.steps.support.MlReportsAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityGateStepTest {
    private static final String GATES = """
            task: binary
            columns: {label: label, score: score, id: id}
            bootstrap: {resamples: 100, seed: 2}
            gates:
              - {metric: accuracy, threshold: 0.6}
              - {metric: roc_auc, max_regression: 0.0}
            """;

    @TempDir
    Path root;

    private Path workspace;

    @BeforeEach
    void writeWorkspace() throws Exception {
        workspace = Files.createDirectories(root.resolve("ws"));
        Random random = new Random(5);
        StringBuilder candidate = new StringBuilder("id,label,score\n");
        StringBuilder baseline = new StringBuilder("id,label,score\n");
        for (int i = 0; i < 1000; i++) {
            int label = random.nextDouble() < 0.5 ? 1 : 0;
            double signal = label == 1 ? 1 : -1;
            candidate.append(String.format(Locale.ROOT, "%d,%d,%.6f%n", i, label,
                    1 / (1 + Math.exp(-(1.5 * signal + random.nextGaussian())))));
            baseline.append(String.format(Locale.ROOT, "%d,%d,%.6f%n", i, label,
                    1 / (1 + Math.exp(-(0.3 * signal + random.nextGaussian())))));
        }
        Files.createDirectories(workspace.resolve("out"));
        Files.createDirectories(workspace.resolve("ml"));
        Files.writeString(workspace.resolve("out/preds.csv"), candidate);
        Files.writeString(workspace.resolve("out/baseline.csv"), baseline);
        Files.writeString(workspace.resolve("ml/gates.yaml"), GATES);
    }

    private static QualityGateStep step(Map<String, Object> arguments) throws Exception {
        return StepArguments.bind(QualityGateStep.class, arguments);
    }

    private GateOutcome evaluate(Map<String, Object> arguments) throws Exception {
        return new QualityGateCallable(step(arguments).request()).invoke(workspace.toFile(), null);
    }

    @Test
    void isRegisteredAsQualityGateAndNeedsAWorkspace() {
        QualityGateStep.DescriptorImpl descriptor = new QualityGateStep.DescriptorImpl();
        assertThat(descriptor.getFunctionName()).isEqualTo("qualityGate");
        assertThat(QualityGateStep.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("qualityGate");
        assertThat(Set.copyOf(descriptor.getRequiredContext()))
                .isEqualTo(Set.<Class<?>>of(FilePath.class, Run.class, TaskListener.class));
    }

    @Test
    void bindsRequiredAndOptionalArguments() throws Exception {
        assertThat(StepArguments.requiredArgumentNames(QualityGateStep.class)).containsExactly("predictions", "gates");
        QualityGateStep step = step(Map.of("predictions", "out/preds.csv", "gates", "ml/gates.yaml",
                "model", "credit-risk", "baseline", "staging", "seed", 7L, "resamples", 50, "junit", "r/j.xml",
                "evaluationData", "data/eval.csv"));
        GateRequest request = step.request();
        assertThat(request.seed()).isEqualTo(7L);
        assertThat(request.resamples()).isEqualTo(50);
        assertThat(request.junit()).isEqualTo("r/j.xml");
        assertThat(step.getBaseline()).isEqualTo("staging");
        assertThat(step.section()).isEqualTo("qualityGate:credit-risk");
        assertThat(step(Map.of("predictions", "p.csv", "gates", "ml/gates.yaml")).section())
                .isEqualTo("qualityGate:ml_gates.yaml");
    }

    @Test
    void contradictingOrEscapingArgumentsAreRejectedBeforeAnythingRuns() {
        assertThatThrownBy(() -> step(Map.of("predictions", "p.csv", "gates", "g.yaml", "model", "m",
                "baselinePredictions", "b.csv")).request())
                .isInstanceOf(AbortException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> step(Map.of("predictions", "p.csv", "gates", "g.yaml", "baseline", "production"))
                .request()).isInstanceOf(AbortException.class).hasMessageContaining("needs model");
        assertThatThrownBy(() -> step(Map.of("predictions", "../p.csv", "gates", "g.yaml")).request())
                .isInstanceOf(AbortException.class).hasMessageContaining("predictions");
        assertThatThrownBy(() -> step(Map.of("predictions", "p.csv", "gates", "/etc/g.yaml")).request())
                .isInstanceOf(AbortException.class).hasMessageContaining("gates");
    }

    @Test
    void aWorkspaceBaselineIsComparedAndTheReportIsRecordable() throws Exception {
        GateOutcome outcome = evaluate(Map.of("predictions", "out/preds.csv", "gates", "ml/gates.yaml",
                "baselinePredictions", "out/baseline.csv", "junit", "reports/gates-junit.xml"));

        assertThat(outcome.verdict()).isEqualTo(Verdict.PASSED);
        Map<String, Object> result = outcome.toMap();
        assertThat(result.get("verdict")).isEqualTo("PASSED");
        assertThat(result.get("baselineVersion")).isEqualTo("workspace:out/baseline.csv");
        assertThat(result.get("dataDigest")).isEqualTo(ContentDigest.sha256(workspace.resolve("out/preds.csv")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> gates = (List<Map<String, Object>>) result.get("gates");
        assertThat(gates).hasSize(2);
        assertThat((Double) gates.get(1).get("delta")).isPositive();
        assertThat((List<?>) gates.get(1).get("ci")).hasSize(2);
        assertThat(Files.readString(workspace.resolve("reports/gates-junit.xml"))).contains("<testsuite", "roc_auc");
        new MlReportsAction().put("qualityGate:credit-risk", outcome.json()); // a valid report section
        assertThat(Json.mapper().readTree(outcome.json()).at("/baseline/version").asText())
                .isEqualTo("workspace:out/baseline.csv");
    }

    @Test
    void aFetchedRegistryBaselineIsNamedWithItsVersionAndDataDigest() throws Exception {
        Path fetched = Files.copy(workspace.resolve("out/baseline.csv"), workspace.resolveSibling("fetched.csv"));
        GateRequest checked = step(Map.of("predictions", "out/preds.csv", "gates", "ml/gates.yaml",
                "model", "credit-risk")).request();
        String digest = ContentDigest.sha256(workspace.resolve("out/preds.csv"));
        GateRequest request = new GateRequest(checked.predictions(), checked.gates(), null, null, fetched.toString(),
                "credit-risk:4", digest, null, null, null);

        GateOutcome outcome = new QualityGateCallable(request).invoke(workspace.toFile(), null);

        assertThat(outcome.report().baseline().version()).isEqualTo("credit-risk:4");
        assertThat(outcome.toMap().get("dataDigest")).isEqualTo(digest);
        assertThat(outcome.text()).contains("credit-risk:4");
    }

    @Test
    void aFailedGateFailsAndBadInputIsAnErrorNeverAPass() throws Exception {
        Files.writeString(workspace.resolve("ml/strict.yaml"), GATES.replace("threshold: 0.6", "threshold: 0.99"));
        Files.writeString(workspace.resolve("ml/typo.yaml"), GATES.replace("threshold: 0.6", "treshold: 0.6"));
        Files.writeString(workspace.resolve("ml/column.yaml"), GATES.replace("score: score", "score: proba"));

        GateOutcome failed = evaluate(Map.of("predictions", "out/preds.csv", "gates", "ml/strict.yaml",
                "baselinePredictions", "out/baseline.csv", "junit", "j.xml"));
        GateOutcome typo = evaluate(Map.of("predictions", "out/preds.csv", "gates", "ml/typo.yaml", "junit", "k.xml"));
        GateOutcome column = evaluate(Map.of("predictions", "out/preds.csv", "gates", "ml/column.yaml"));

        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.summary()).contains("FAILED");
        assertThat(typo.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(typo.error()).contains("typo.yaml").contains("treshold");
        assertThat(Json.mapper().readTree(typo.json()).get("verdict").asText()).isEqualTo("ERROR");
        assertThat(typo.toMap().get("verdict")).isEqualTo("ERROR");
        assertThat(workspace.resolve("k.xml")).doesNotExist();
        assertThat(column.verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void aLinkOutOfTheWorkspaceIsRefusedOnTheAgent() throws Exception {
        Path outside = Files.writeString(workspace.resolveSibling("secret.csv"), "id,label,score\n");
        Files.createSymbolicLink(workspace.resolve("out/link.csv"), outside);
        assertThatThrownBy(() -> evaluate(Map.of("predictions", "out/link.csv", "gates", "ml/gates.yaml")))
                .isInstanceOf(AbortException.class).hasMessageContaining("symbolic link");
    }
}
