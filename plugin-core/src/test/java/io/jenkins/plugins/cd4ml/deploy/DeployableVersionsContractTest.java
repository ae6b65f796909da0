package io.jenkins.plugins.cd4ml.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.deploy.strategy.Canary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link DeployableVersions} must do for the engine: each implementation's test extends
 * this class and supplies an empty instance plus a way to register versions in it.
 */
abstract class DeployableVersionsContractTest {
    static final String MODEL = "credit-risk";

    @TempDir
    Path directory;

    DeployableVersions versions;

    /** @return an empty instance kept under {@link #directory} */
    abstract DeployableVersions create() throws Exception;

    /**
     * Registers the next version of {@link #MODEL} with one artifact file.
     *
     * @return the version's name as deployment sees it
     */
    abstract String register(Path artifact, ApprovalStatus approval) throws Exception;

    @BeforeEach
    void createVersions() throws Exception {
        versions = create();
    }

    private Path artifact(String name) throws Exception {
        Path file = directory.resolve(name + ".json");
        java.nio.file.Files.writeString(file, "{\"model\": \"" + name + "\"}");
        return file;
    }

    @Test
    void findsApprovalAndAnArtifactThatExists() throws Exception {
        String approved = register(artifact("a"), ApprovalStatus.APPROVED);
        String pending = register(artifact("b"), ApprovalStatus.PENDING_MANUAL_APPROVAL);

        DeployableVersion found = versions.find(MODEL, approved).orElseThrow();

        assertThat(found.model()).isEqualTo(MODEL);
        assertThat(found.version()).isEqualTo(approved);
        assertThat(found.approval()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(Path.of(found.artifactUri())).exists().hasContent("{\"model\": \"a\"}");
        assertThat(versions.find(MODEL, pending).orElseThrow().approval())
                .isEqualTo(ApprovalStatus.PENDING_MANUAL_APPROVAL);
    }

    @Test
    void unknownVersionsAndModelsAreEmpty() throws Exception {
        register(artifact("a"), ApprovalStatus.APPROVED);

        assertThat(versions.find(MODEL, "99")).isEmpty();
        assertThat(versions.find("other-model", "1")).isEmpty();
        assertThat(versions.versionOf(MODEL, "staging")).isEmpty();
        assertThat(versions.versionOf("other-model", "staging")).isEmpty();
    }

    @Test
    void movedAliasPointsAtTheVersionAndMovesAgain() throws Exception {
        String first = register(artifact("a"), ApprovalStatus.APPROVED);
        String second = register(artifact("b"), ApprovalStatus.APPROVED);

        versions.moveAlias(MODEL, "staging", first);
        assertThat(versions.versionOf(MODEL, "staging")).contains(first);
        versions.moveAlias(MODEL, "staging", second);

        assertThat(versions.versionOf(MODEL, "staging")).contains(second);
    }

    @Test
    void concurrentAliasMovesOfDifferentEnvironmentsAreAllKept() throws Exception {
        String version = register(artifact("a"), ApprovalStatus.APPROVED);
        List<String> aliases = IntStream.range(0, 6).mapToObj(i -> "env-" + i).toList();

        CompletableFuture.allOf(aliases.stream().map(alias -> CompletableFuture.runAsync(() -> {
            try {
                versions.moveAlias(MODEL, alias, version);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })).toArray(CompletableFuture[]::new)).get();

        for (String alias : aliases) {
            assertThat(versions.versionOf(MODEL, alias)).as(alias).contains(version);
        }
    }

    @Test
    void recordsAFinishedDeploymentWithoutFailing() throws Exception {
        String version = register(artifact("a"), ApprovalStatus.APPROVED);
        Environment staging = new Environment("staging", new TargetSpec(TargetType.LOCAL, Map.of()), true,
                "staging", null);
        DeploymentRequest request = new DeploymentRequest(staging, MODEL, version,
                new Canary(10, 0, List.of("errors")), null, "test");
        DeploymentRecord record = DeploymentRecord.start(request.deploymentId(), request, Instant.now())
                .finish(DeploymentOutcome.ROLLED_BACK, "alarm errors", ServingState.absent(), Instant.now());

        versions.recordDeployment(record);

        assertRecorded(version, record);
    }

    /** Checks where the implementation keeps deployments (the lineage, a state file). */
    abstract void assertRecorded(String version, DeploymentRecord record) throws Exception;
}
