package io.jenkins.plugins.cd4ml.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.deploy.local.LocalServing;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.registry.Approval;
import io.jenkins.plugins.cd4ml.registry.AuditEvent;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry adapter passes the deployment contract with the embedded registry, and maps records once. */
class RegistryDeployableVersionsTest extends DeployableVersionsContractTest {
    private EmbeddedModelRegistry registry;

    @Override
    DeployableVersions create() throws Exception {
        registry = EmbeddedModelRegistry.open(directory.resolve("registry"));
        return new RegistryDeployableVersions(registry, "build #7", "job/credit-risk/7/");
    }

    @AfterEach
    void closeRegistry() throws Exception {
        registry.close();
    }

    @Override
    String register(Path artifact, ApprovalStatus approval) throws Exception {
        ModelVersion version = registry.register(Registration.builder(MODEL)
                .artifact("model/model.json", artifact).registeredBy("alice").build());
        if (approval != ApprovalStatus.PENDING_MANUAL_APPROVAL) {
            registry.setApproval(MODEL, version.version(), new Approval(
                    io.jenkins.plugins.cd4ml.registry.ApprovalStatus.valueOf(approval.name()), "bob", Instant.now(),
                    "looks good"));
        }
        return Integer.toString(version.version());
    }

    @Override
    void assertRecorded(String version, DeploymentRecord record) throws Exception {
        List<io.jenkins.plugins.cd4ml.registry.DeploymentRecord> lineage = registry
                .requireVersion(MODEL, Integer.parseInt(version)).deployments();
        assertThat(lineage).containsExactly(new io.jenkins.plugins.cd4ml.registry.DeploymentRecord("staging",
                "canary", "ROLLED_BACK", "build #7", record.finishedAt(), "job/credit-risk/7/"));
    }

    @Test
    void resolvesNumbersAndAliasesToTheVersionNumber() throws Exception {
        register(writeArtifact("a"), ApprovalStatus.APPROVED);
        String second = register(writeArtifact("b"), ApprovalStatus.APPROVED);
        registry.setAlias(MODEL, "champion", 2, "alice", "best so far");
        RegistryDeployableVersions adapter = (RegistryDeployableVersions) versions;

        assertThat(adapter.resolve(MODEL, "2")).contains(second);
        assertThat(adapter.resolve(MODEL, "champion")).contains("2");
        assertThat(adapter.resolve(MODEL, "7")).isEmpty();
        assertThat(adapter.resolve(MODEL, "no-such-alias")).isEmpty();
        assertThat(adapter.resolve(MODEL, "02")).as("not a canonical number, not an alias").isEmpty();
    }

    @Test
    void aliasMovesAreAuditedAsDeployments() throws Exception {
        String version = register(writeArtifact("a"), ApprovalStatus.APPROVED);

        versions.moveAlias(MODEL, "staging", version);

        AuditEvent last = registry.auditLog(MODEL).get(registry.auditLog(MODEL).size() - 1);
        assertThat(last.toString()).contains("staging").contains("deployed by build #7");
    }

    @Test
    void prefersTheModelFileAmongSeveralArtifacts() throws Exception {
        Path readme = writeArtifact("readme");
        Path model = writeArtifact("model");
        int number = registry.register(Registration.builder(MODEL).registeredBy("alice")
                .artifact("docs/README.json", readme).artifact("model/model.json", model).build()).version();

        DeployableVersion found = versions.find(MODEL, Integer.toString(number)).orElseThrow();

        assertThat(Path.of(found.artifactUri())).hasSameTextualContentAs(model);
    }

    @Test
    void aliasesAreNotVersionsForTheEngine() throws Exception {
        String version = register(writeArtifact("a"), ApprovalStatus.APPROVED);
        versions.moveAlias(MODEL, "staging", version);

        assertThat(versions.find(MODEL, "staging")).as("the step resolves aliases before deploying").isEmpty();
        assertThatThrownBy(() -> versions.moveAlias(MODEL, "production", "staging"))
                .isInstanceOf(IOException.class).hasMessageContaining("resolve aliases first");
    }

    @Test
    void deployingWithTheLocalTargetMovesTheAliasAndShowsInTheLineage() throws Exception {
        Path model = directory.resolve("model.json");
        Files.writeString(model, "{\"format\": \"cd4ml-linear-model\", \"formatVersion\": 1, \"intercept\": -0.25,"
                + " \"coefficients\": {\"income\": 0.5}, \"threshold\": 0.5}");
        String version = register(model, ApprovalStatus.APPROVED);
        Environment dev = new Environment("dev", new TargetSpec(TargetType.LOCAL, Map.of()), true, "dev", null);
        try (LocalServing serving = new LocalServing()) {
            DeploymentEngine engine = new DeploymentEngine(versions,
                    new StandardDeploymentTargets(serving, directory.resolve("local")),
                    new FileDeploymentStore(directory.resolve("deployments")), new InProcessDeploymentLocks(),
                    Clock.systemUTC(), duration -> { });

            DeploymentRecord record = engine.deploy(new DeploymentRequest(dev, MODEL, version,
                    AllAtOnce.immediately(), null, "build #7"), event -> { });

            assertThat(record.outcome()).as(record.reason()).isEqualTo(DeploymentOutcome.DEPLOYED);
            assertThat(engine.versionAt(MODEL, dev)).contains(version);
            assertThat(registry.requireVersion(MODEL, 1).aliases()).containsExactly("dev");
            assertThat(registry.requireVersion(MODEL, 1).deployments())
                    .extracting(d -> d.environment() + " " + d.outcome()).containsExactly("dev DEPLOYED");
        }
    }

    private Path writeArtifact(String name) throws Exception {
        Path file = directory.resolve(name + ".json");
        Files.writeString(file, "{\"name\": \"" + name + "\"}");
        return file;
    }
}
