package io.jenkins.plugins.cd4ml.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link ModelRegistry} backend must show. Each backend's test extends this
 * class and supplies a fresh, empty registry.
 */
public abstract class ModelRegistryContractTest {
    @TempDir
    protected Path temp;
    private ModelRegistry registry;
    private int files;

    /**
     * @param temp a fresh directory the backend may use
     * @return an empty registry
     * @throws Exception if it cannot be created
     */
    protected abstract ModelRegistry createRegistry(Path temp) throws Exception;

    @BeforeEach
    void createIt() throws Exception {
        registry = createRegistry(temp.resolve("registry"));
    }

    @AfterEach
    void closeIt() throws IOException {
        registry.close();
    }

    /** @return the registry under test */
    protected ModelRegistry registry() {
        return registry;
    }

    /**
     * @param content file content
     * @return a new file with it
     * @throws IOException if it cannot be written
     */
    protected Path file(String content) throws IOException {
        Path dir = temp.resolve("work");
        Files.createDirectories(dir);
        Path file = dir.resolve("f" + files++ + ".bin");
        Files.writeString(file, content);
        return file;
    }

    /**
     * @param model the model
     * @param content the model artifact's content
     * @return a registration with one artifact
     * @throws IOException if the file cannot be written
     */
    protected Registration.Builder registration(String model, String content) throws IOException {
        return Registration.builder(model).artifact("model/model.bin", file(content)).registeredBy("alice");
    }

    @Test
    void numbersVersionsAndStoresArtifactsByContent() throws Exception {
        Path weights = file("weights-1");
        Path predictions = file("id,score\n1,0.9\n");
        ModelVersion first = registry.register(Registration.builder("credit-risk")
                .artifact("model/weights.bin", weights).artifact("eval/predictions.csv", predictions).build());
        ModelVersion second = registry.register(registration("credit-risk", "weights-2").build());

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(first.version()).isEqualTo(1);
        softly.assertThat(second.version()).isEqualTo(2);
        softly.assertThat(first.artifact("model/weights.bin").orElseThrow().digest())
                .isEqualTo(ContentDigest.sha256(weights));
        softly.assertThat(first.artifact("eval/predictions.csv").orElseThrow().size())
                .isEqualTo(Files.size(predictions));
        softly.assertThat(first.approval().status()).isEqualTo(ApprovalStatus.PENDING_MANUAL_APPROVAL);
        softly.assertThat(registry.listVersions("credit-risk")).extracting(ModelVersion::version).containsExactly(1, 2);
        softly.assertThat(registry.listModels()).contains("credit-risk");
        softly.assertAll();
        try (InputStream in = registry.openArtifact("credit-risk", 1, "eval/predictions.csv")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("id,score\n1,0.9\n");
        }
    }

    @Test
    void resolvesAnAliasToAVerifiedLocalCopyOfAnArtifact() throws Exception {
        Path predictions = file("id,score\n1,0.25\n2,0.75\n");
        registry.register(Registration.builder("credit-risk").artifact("model.bin", file("w"))
                .artifact("eval/predictions.csv", predictions).build());
        registry.setAlias("credit-risk", "production", 1, "ops", "baseline");

        ModelVersion production = registry.resolveAlias("credit-risk", "production").orElseThrow();
        Path local = temp.resolve("baseline-predictions.csv");
        ArtifactRef fetched = registry.fetchArtifact("credit-risk", production.version(), "eval/predictions.csv", local);

        assertThat(local).hasSameBinaryContentAs(predictions);
        assertThat(fetched.digest()).isEqualTo(ContentDigest.sha256(local));
        assertThatThrownBy(() -> registry.fetchArtifact("credit-risk", 1, "eval/predictions.csv", local))
                .isInstanceOf(IOException.class);
        assertThat(local).hasSameBinaryContentAs(predictions);
    }

    @Test
    void keepsTheFullLineage() throws Exception {
        Provenance provenance = Provenance.builder()
                .build(new BuildRef("ml/credit-risk/main", 42, "https://ci.example/job/ml/42/"))
                .codeRevision("0123abcd").imageDigest("sha256:" + "a".repeat(64))
                .trainingData(new DatasetRef("data/train.csv", ContentDigest.sha256(new byte[] {1}), 1))
                .evaluationData(new DatasetRef("data/eval.csv", ContentDigest.sha256(new byte[] {2}), 1))
                .parameter("learning_rate", "0.1").build();
        ModelVersion registered = registry.register(registration("credit-risk", "w").provenance(provenance)
                .metric("auc", 0.91).gate(new GateResult("accuracy", Verdict.PASSED, "", "reports/gate.json"))
                .tag("team", "risk").description("first").build());

        ModelVersion read = registry.getVersion("credit-risk", registered.version()).orElseThrow();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(read.provenance()).isEqualTo(provenance);
        softly.assertThat(read.metrics()).containsEntry("auc", 0.91);
        softly.assertThat(read.gates()).containsExactly(
                new GateResult("accuracy", Verdict.PASSED, "", "reports/gate.json"));
        softly.assertThat(read.tags()).containsEntry("team", "risk");
        softly.assertThat(read.registeredBy()).isEqualTo("alice");
        softly.assertThat(read.artifacts()).isEqualTo(registered.artifacts());
        softly.assertAll();
    }

    @Test
    void unknownModelsAndVersionsAreNotFound() throws Exception {
        registry.register(registration("known", "x").build());
        assertThat(registry.getVersion("known", 2)).isEmpty();
        assertThat(registry.getVersion("unknown", 1)).isEmpty();
        assertThat(registry.resolveAlias("known", "production")).isEmpty();
        assertThatThrownBy(() -> registry.listVersions("unknown")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registry.setAlias("known", "production", 7, "bob", ""))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registry.setApproval("known", 7,
                new Approval(ApprovalStatus.APPROVED, "bob", Instant.now(), ""))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registry.openArtifact("known", 1, "no/such")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesMissingArtifactsWithoutCreatingAVersion() throws Exception {
        registry.register(registration("m", "x").build());
        Registration missing = Registration.builder("m").artifact("a.bin", temp.resolve("missing.bin")).build();
        assertThatThrownBy(() -> registry.register(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing.bin");
        assertThat(registry.listVersions("m")).hasSize(1);
    }

    @Test
    void recordsApprovalDecisionsWithWhoWhenWhy() throws Exception {
        ModelVersion version = registry.register(registration("m", "x").build());
        Instant at = Instant.parse("2026-11-28T10:15:30Z");
        ModelVersion approved = registry.setApproval("m", version.version(),
                new Approval(ApprovalStatus.APPROVED, "carol", at, "AUC above baseline"));

        assertThat(approved.approval()).isEqualTo(new Approval(ApprovalStatus.APPROVED, "carol", at,
                "AUC above baseline"));
        assertThat(registry.getVersion("m", 1).orElseThrow().approval().status()).isEqualTo(ApprovalStatus.APPROVED);
        AuditEvent last = lastEvent("m", AuditEvent.Action.APPROVAL);
        assertThat(last.from()).isEqualTo("PENDING_MANUAL_APPROVAL");
        assertThat(last.to()).isEqualTo("APPROVED");
        assertThat(last.by()).isEqualTo("carol");
        assertThat(last.reason()).isEqualTo("AUC above baseline");

        registry.setApproval("m", 1, new Approval(ApprovalStatus.REJECTED, "dave", at.plusSeconds(60), "bias"));
        assertThat(registry.getVersion("m", 1).orElseThrow().approval().status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(lastEvent("m", AuditEvent.Action.APPROVAL).from()).isEqualTo("APPROVED");
    }

    @Test
    void aliasesPointAtExactlyOneVersionAndMovesAreAudited() throws Exception {
        registry.register(registration("m", "one").build());
        registry.register(registration("m", "two").build());

        AuditEvent created = registry.setAlias("m", "production", 1, "erin", "first release");
        registry.setAlias("m", "staging", 2, "erin", "");
        AuditEvent moved = registry.setAlias("m", "production", 2, "frank", "v2 passed canary");

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(created.from()).isEmpty();
        softly.assertThat(created.to()).isEqualTo("1");
        softly.assertThat(moved.from()).isEqualTo("1");
        softly.assertThat(moved.to()).isEqualTo("2");
        softly.assertThat(moved.by()).isEqualTo("frank");
        softly.assertThat(moved.reason()).isEqualTo("v2 passed canary");
        softly.assertThat(registry.aliases("m")).containsOnly(
                org.assertj.core.api.Assertions.entry("production", 2),
                org.assertj.core.api.Assertions.entry("staging", 2));
        softly.assertThat(registry.resolveAlias("m", "production").orElseThrow().version()).isEqualTo(2);
        softly.assertThat(registry.getVersion("m", 1).orElseThrow().aliases()).isEmpty();
        softly.assertThat(registry.getVersion("m", 2).orElseThrow().aliases())
                .containsExactlyInAnyOrder("production", "staging");
        softly.assertThat(registry.auditLog("m")).filteredOn(e -> e.action() == AuditEvent.Action.ALIAS)
                .extracting(AuditEvent::subject, AuditEvent::from, AuditEvent::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("production", "", "1"),
                        org.assertj.core.groups.Tuple.tuple("staging", "", "2"),
                        org.assertj.core.groups.Tuple.tuple("production", "1", "2"));
        softly.assertAll();
        assertThatThrownBy(() -> registry.setAlias("m", "42", 1, "x", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameClientTokenRegistersOnce() throws Exception {
        ModelVersion first = registry.register(registration("m", "x").clientToken("job-7-build-3").build());
        ModelVersion again = registry.register(registration("m", "x").clientToken("job-7-build-3").build());
        assertThat(again.version()).isEqualTo(first.version());
        assertThat(registry.listVersions("m")).hasSize(1);
    }

    @Test
    void concurrentRegistrationsGetDistinctConsecutiveVersions() throws Exception {
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<ModelVersion>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Registration registration = registration("m", "content-" + i).build();
                Callable<ModelVersion> task = () -> registry.register(registration);
                results.add(pool.submit(task));
            }
            List<Integer> versions = new ArrayList<>();
            for (Future<ModelVersion> result : results) {
                versions.add(result.get().version());
            }
            assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.listVersions("m")).extracting(ModelVersion::version).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void recordsDeploymentsOnTheVersion() throws Exception {
        registry.register(registration("m", "x").build());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        DeploymentRecord deployment = new DeploymentRecord("staging", "canary", "DEPLOYED", "deployer", at,
                "https://ci.example/job/deploy/3/");
        registry.recordDeployment("m", 1, deployment);
        assertThat(registry.getVersion("m", 1).orElseThrow().deployments()).containsExactly(deployment);
        assertThat(lastEvent("m", AuditEvent.Action.DEPLOYMENT).to()).isEqualTo("staging");
    }

    private AuditEvent lastEvent(String model, AuditEvent.Action action) throws IOException {
        List<AuditEvent> events = registry.auditLog(model).stream().filter(e -> e.action() == action).toList();
        assertThat(events).isNotEmpty();
        return events.get(events.size() - 1);
    }
}
