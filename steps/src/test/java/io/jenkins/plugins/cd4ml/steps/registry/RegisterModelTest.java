package io.jenkins.plugins.cd4ml.steps.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.cd4ml.gates.quality.GateVerdicts;
import io.jenkins.plugins.cd4ml.gates.quality.RegistryBaselineSource;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.registry.GateResult;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.steps.ui.MlReport;
import io.jenkins.plugins.cd4ml.steps.ui.ReportSection;
import io.jenkins.plugins.cd4ml.steps.ui.Status;
import io.jenkins.plugins.cd4ml.report.Verdict;
import io.jenkins.plugins.cd4ml.steps.StepArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterModelTest {
    private static final String PASSED = gateReport("PASSED", "PASSED");
    private static final String FAILED = gateReport("FAILED", "FAILED");

    @TempDir
    Path root;

    private Path workspace;
    private FakeJenkins jenkins;

    @BeforeEach
    void writeWorkspace() throws Exception {
        workspace = Files.createDirectories(root.resolve("ws"));
        Files.createDirectories(workspace.resolve("out/model/sub"));
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("out/model/weights.bin"), "weights");
        Files.writeString(workspace.resolve("out/model/sub/config.json"), "{}");
        Files.writeString(workspace.resolve("out/preds.csv"), "id,label,score\n1,1,0.9\n");
        Files.writeString(workspace.resolve("data/train.csv"), "a,b\n1,2\n");
        Files.writeString(workspace.resolve("data/eval.csv"), "a,b\n3,4\n");
        jenkins = new FakeJenkins(Files.createDirectories(root.resolve("jenkins-home")).toFile(), "alice", true);
    }

    private static String gateReport(String verdict, String gateVerdict) {
        return "{\"schemaVersion\":\"" + Json.SCHEMA_VERSION + "\",\"kind\":\"quality-gates\",\"verdict\":\""
                + verdict + "\",\"gates\":[{\"name\":\"accuracy >= 0.8\",\"metric\":\"accuracy\",\"slice\":{},"
                + "\"sensitive\":[],\"verdict\":\"" + gateVerdict + "\",\"candidate\":0.85}]}";
    }

    private static RegisterModelStep step(Map<String, Object> arguments) throws Exception {
        return StepArguments.bind(RegisterModelStep.class, arguments);
    }

    private ModelFiles collect(RegisterModelStep.Request request) throws Exception {
        return new CollectModelFilesCallable(request.artifacts(), request.evaluationPredictions(),
                request.trainingData(), request.evaluationData()).invoke(workspace.toFile(), null);
    }

    /** What the execution does, with the workspace as the staging copy. */
    private ModelVersion register(RegisterModelStep.Request request, Map<String, String> sections, int build)
            throws Exception {
        Map<String, GateVerdicts> verdicts = ModelRegistrar.gateVerdicts(sections);
        ModelRegistrar.refuseFailedGates(request.name(), verdicts, request.allowFailedGates());
        try (ModelRegistry registry = RegistryLocator.EMBEDDED.open(jenkins)) {
            return ModelRegistrar.register(registry, request, collect(request), workspace,
                    new BuildInfo("team/credit", build, "https://ci.example/job/team/job/credit/" + build + "/",
                            "0123abc", "pipeline"), verdicts);
        }
    }

    @Test
    void isRegisteredAsRegisterModelAndBindsItsArguments() throws Exception {
        assertThat(new RegisterModelStep.DescriptorImpl().getFunctionName()).isEqualTo("registerModel");
        assertThat(RegisterModelStep.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("registerModel");
        assertThat(StepArguments.requiredArgumentNames(RegisterModelStep.class)).containsExactly("name", "artifacts");
        RegisterModelStep step = step(Map.of("name", "credit-risk", "artifacts", "out/model/**",
                "allowFailedGates", true, "tags", Map.of("team", "risk"), "parameters", Map.of("lr", "0.1")));
        assertThat(step.request().tags()).containsEntry("team", "risk");
        assertThat(step.request().allowFailedGates()).isTrue();
        assertThatThrownBy(() -> step(Map.of("name", "bad name!", "artifacts", "x")).request())
                .isInstanceOf(AbortException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> step(Map.of("name", "m", "artifacts", "../x/**")).request())
                .isInstanceOf(AbortException.class).hasMessageContaining("artifacts");
    }

    @Test
    void theAgentFindsAndDigestsTheFilesOfTheGlob() throws Exception {
        ModelFiles files = collect(step(Map.of("name", "credit-risk", "artifacts", "out/model/**",
                "evaluationPredictions", "out/preds.csv", "trainingData", "data/train.csv")).request());

        assertThat(files.artifacts()).extracting(ModelFile::modelPath).containsExactly(
                "out/model/sub/config.json", "out/model/weights.bin", "evaluation/predictions.csv");
        assertThat(files.artifacts().get(1).digest()).isEqualTo(ContentDigest.sha256(workspace.resolve(
                "out/model/weights.bin")));
        assertThat(files.trainingData()).singleElement().satisfies(data -> {
            assertThat(data.name()).isEqualTo("data/train.csv");
            assertThat(data.digest()).isEqualTo(ContentDigest.sha256(workspace.resolve("data/train.csv")));
        });
        assertThatThrownBy(() -> collect(step(Map.of("name", "m", "artifacts", "out/none/**")).request()))
                .isInstanceOf(AbortException.class).hasMessageContaining("no file matches");
        assertThat(CollectModelFilesCallable.fixedPrefix("**/*.bin")).isEmpty();
        assertThat(CollectModelFilesCallable.fixedPrefix("out/model/*.bin")).isEqualTo("out/model");
    }

    @Test
    void aVersionCarriesLineageGatesAndTheServingBaselinesPredictions() throws Exception {
        RegisterModelStep.Request request = step(Map.of("name", "credit-risk", "artifacts", "out/model/**",
                "evaluationPredictions", "out/preds.csv", "trainingData", "data/train.csv",
                "evaluationData", "data/eval.csv", "parameters", Map.of("lr", 0.1))).request();

        ModelVersion version = register(request, Map.of("qualityGate:credit-risk", PASSED), 12);

        assertThat(version.version()).isEqualTo(1);
        assertThat(version.provenance().build().job()).isEqualTo("team/credit");
        assertThat(version.provenance().codeRevision()).isEqualTo("0123abc");
        assertThat(version.provenance().parameters()).containsEntry("lr", "0.1");
        assertThat(version.provenance().evaluationData().get(0).digest())
                .isEqualTo(ContentDigest.sha256(workspace.resolve("data/eval.csv")));
        assertThat(version.gates()).extracting(GateResult::gate)
                .containsExactly("credit-risk/overall", "credit-risk/accuracy >= 0.8");
        assertThat(version.metrics()).containsEntry("accuracy", 0.85);
        assertThat(version.failedGatesAccepted()).isFalse();
        assertThat(RegistryBaselineSource.predictionsArtifact(version)).isPresent();
        assertThat(version.clientToken()).isEqualTo("team/credit#12#credit-risk");
        assertThat(Json.mapper().readTree(RegisterModelStep.section(version)).get("version").asInt()).isEqualTo(1);
        assertThat(RegistryLocator.embeddedStore(jenkins)).isDirectory();

        ReportSection shown = MlReport.of(Map.of("registry:credit-risk", RegisterModelStep.section(version)))
                .getSections().get(0);
        assertThat(shown.getTitle()).isEqualTo("Registered model: credit-risk");
        assertThat(shown.getVerdict()).isEqualTo(Status.PASSED);
        assertThat(shown.getFacts()).extracting(f -> f.getLabel() + "=" + f.getValue())
                .contains("model=credit-risk", "version=1", "failedGatesAccepted=false");
        String evalDigest = ContentDigest.sha256(workspace.resolve("data/eval.csv"));
        assertThat(shown.getLineage()).extracting(f -> f.getLabel() + "=" + f.getValue())
                .contains("codeRevision=0123abc", "parameters.lr=0.1", "metrics.accuracy=0.85")
                .anyMatch(f -> f.startsWith("evaluationData=data/eval.csv · " + evalDigest))
                .noneMatch(f -> f.contains("{"));
    }

    @Test
    void theSameBuildNeverRegistersTwice() throws Exception {
        RegisterModelStep.Request request = step(Map.of("name", "credit-risk", "artifacts", "out/model/**")).request();

        ModelVersion first = register(request, Map.of(), 7);
        ModelVersion resumed = register(request, Map.of(), 7);
        ModelVersion next = register(request, Map.of(), 8);

        assertThat(resumed.version()).isEqualTo(first.version()).isEqualTo(1);
        assertThat(next.version()).isEqualTo(2);
    }

    @Test
    void aFailedGateOfThisBuildRefusesRegistrationUnlessAllowedWhichIsRecorded() throws Exception {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("validateData", "{\"schemaVersion\":\"1\",\"verdict\":\"FAILED\"}"); // not a gate: ignored
        sections.put("qualityGate:fairness", PASSED);
        sections.put("qualityGate:credit-risk", FAILED);

        assertThatThrownBy(() -> register(step(Map.of("name", "credit-risk", "artifacts", "out/model/**")).request(),
                sections, 3)).isInstanceOf(AbortException.class)
                .hasMessageContaining("refusing to register credit-risk")
                .hasMessageContaining("qualityGate:credit-risk FAILED").hasMessageContaining("allowFailedGates");
        try (ModelRegistry registry = RegistryLocator.EMBEDDED.open(jenkins)) {
            assertThat(registry.listModels()).doesNotContain("credit-risk");
        }

        ModelVersion accepted = register(step(Map.of("name", "credit-risk", "artifacts", "out/model/**",
                "allowFailedGates", true)).request(), sections, 3);
        assertThat(accepted.failedGatesAccepted()).isTrue();
        assertThat(accepted.gates()).filteredOn(gate -> gate.verdict() == Verdict.FAILED).isNotEmpty();
    }

    @Test
    void anErrorGateAlsoRefuses() {
        String error = "{\"schemaVersion\":\"1\",\"kind\":\"quality-gates\",\"verdict\":\"ERROR\",\"error\":\"x\","
                + "\"gates\":[]}";
        assertThatThrownBy(() -> register(step(Map.of("name", "m", "artifacts", "out/model/**")).request(),
                Map.of("qualityGate:m", error), 1)).isInstanceOf(AbortException.class).hasMessageContaining("ERROR");
    }
}
