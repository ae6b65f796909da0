package io.jenkins.plugins.cd4ml.gates.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.registry.DatasetRef;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Provenance;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryBaselineSourceTest {
    private static final String GATES = """
            task: binary
            columns: {label: label, score: score, id: id}
            bootstrap: {resamples: 200, seed: 3}
            policies: {no_baseline: warn}
            gates:
              - {metric: roc_auc, max_regression: 0.0}
            """;

    @TempDir
    Path dir;

    private EmbeddedModelRegistry registry;
    private Path evaluationData;
    private Path strongPredictions;
    private Path weakPredictions;

    @BeforeEach
    void writeFiles() throws Exception {
        registry = EmbeddedModelRegistry.open(dir.resolve("registry"));
        Random random = new Random(7);
        StringBuilder data = new StringBuilder("id,label\n");
        StringBuilder strong = new StringBuilder("id,label,score\n");
        StringBuilder weak = new StringBuilder("id,label,score\n");
        for (int i = 0; i < 2000; i++) {
            int label = random.nextDouble() < 0.4 ? 1 : 0;
            double signal = label == 1 ? 1 : -1;
            data.append(i).append(',').append(label).append('\n');
            strong.append(String.format(Locale.ROOT, "%d,%d,%.6f%n", i, label, signal * 1.2 + random.nextGaussian()));
            weak.append(String.format(Locale.ROOT, "%d,%d,%.6f%n", i, label, signal * 0.2 + random.nextGaussian()));
        }
        evaluationData = Files.writeString(dir.resolve("eval.csv"), data);
        strongPredictions = Files.writeString(dir.resolve("strong.csv"), strong);
        weakPredictions = Files.writeString(dir.resolve("weak.csv"), weak);
    }

    private ModelVersion register(Path predictions) throws Exception {
        Path model = Files.writeString(dir.resolve("model-" + predictions.getFileName() + ".bin"), "weights");
        return registry.register(Registration.builder("credit-risk")
                .artifact("model.bin", model)
                .artifact(RegistryBaselineSource.predictionsArtifactPath(predictions.getFileName().toString()),
                        predictions)
                .provenance(Provenance.builder().evaluationData(new DatasetRef("data/eval.csv",
                        ContentDigest.sha256(evaluationData), Files.size(evaluationData))).build())
                .build());
    }

    private GateReport gate(Path candidate, String alias, String dataDigest) throws Exception {
        Path work = Files.createTempDirectory(dir, "work");
        return GateEvaluator.evaluate(GatesFileParser.parse("gates.yaml", GATES), candidate,
                new RegistryBaselineSource(registry, "credit-risk", alias, work), dataDigest);
    }

    @Test
    void aCandidateIsGatedAgainstTheVersionTheAliasPointsAt() throws Exception {
        ModelVersion v1 = register(strongPredictions);
        registry.setAlias("credit-risk", "production", v1.version(), "tester", "first model");

        String digest = ContentDigest.sha256(evaluationData);
        GateReport weaker = gate(weakPredictions, null, digest);
        GateReport same = gate(strongPredictions, "production", digest);

        assertThat(weaker.baseline().version()).isEqualTo("credit-risk:1");
        assertThat(weaker.baseline().predictionsDigest()).isEqualTo(ContentDigest.sha256(strongPredictions));
        assertThat(weaker.dataDigest()).isEqualTo(digest);
        assertThat(weaker.results().get(0).status()).isEqualTo(CheckStatus.FAILED);
        assertThat(weaker.results().get(0).delta()).isNegative();
        assertThat(same.results().get(0).status()).isEqualTo(CheckStatus.PASSED);
        assertThat(same.results().get(0).delta()).isZero();
        assertThat(weaker.toJson().get("baseline").get("version").asText()).isEqualTo("credit-risk:1");
        assertThat(weaker.toText()).contains("credit-risk:1").contains(digest);
    }

    @Test
    void withoutTheAliasThereIsNoBaseline() throws Exception {
        register(strongPredictions);

        GateReport report = gate(weakPredictions, "production", null);
        GateReport unknownModel = GateEvaluator.evaluate(GatesFileParser.parse("gates.yaml", GATES), weakPredictions,
                new RegistryBaselineSource(registry, "other-model", null, dir));

        assertThat(report.baseline()).isNull();
        assertThat(report.results().get(0).status()).isEqualTo(CheckStatus.NO_BASELINE);
        assertThat(unknownModel.baseline()).isNull();
    }

    @Test
    void aBaselineScoredOnOtherDataCannotBeCompared() throws Exception {
        registry.setAlias("credit-risk", "production", register(strongPredictions).version(), "tester", "first");

        assertThatThrownBy(() -> gate(weakPredictions, "production", ContentDigest.sha256(weakPredictions)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("credit-risk:1").hasMessageContaining("same evaluation data");
    }

    @Test
    void aServingVersionWithoutStoredPredictionsIsAnError() throws Exception {
        Path model = Files.writeString(dir.resolve("model.bin"), "weights");
        ModelVersion v1 = registry.register(Registration.builder("credit-risk").artifact("model.bin", model).build());
        registry.setAlias("credit-risk", "production", v1.version(), "tester", "first");

        assertThatThrownBy(() -> gate(weakPredictions, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no evaluation predictions");
    }

    @Test
    void theArtifactPathKeepsTheFileFormat() {
        assertThat(RegistryBaselineSource.predictionsArtifactPath("preds.CSV")).isEqualTo("evaluation/predictions.csv");
        assertThat(RegistryBaselineSource.predictionsArtifactPath("p.jsonl")).isEqualTo("evaluation/predictions.jsonl");
        assertThat(RegistryBaselineSource.predictionsArtifactPath("p.csv.gz"))
                .isEqualTo("evaluation/predictions.csv.gz");
    }
}
