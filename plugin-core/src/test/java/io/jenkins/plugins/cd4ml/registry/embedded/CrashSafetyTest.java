package io.jenkins.plugins.cd4ml.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.registry.ArtifactRef;
import io.jenkins.plugins.cd4ml.registry.AuditEvent;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.embedded.WriteHook.WritePoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writers killed (SIGKILL) at every step of a write never leave a visible broken version. */
class CrashSafetyTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(WritePoint.class)
    void aRegistrationKilledAtAnyStepLeavesNoBrokenVersion(WritePoint point) throws Exception {
        Path store = temp.resolve("store");
        EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(store);
        registry.register(Registration.builder("m").artifact("model.bin", artifact("first")).build());

        Path barrier = Files.createFile(temp.resolve("go"));
        Process child = ChildProcesses.start(temp.resolve("child.log"), "register", store.toString(), "m",
                artifact("second, killed").toString(), barrier.toString(), point.name());
        try {
            assertThat(ChildProcesses.awaitLine(child, "PAUSED ")).isEqualTo("PAUSED " + point);
        } finally {
            ChildProcesses.kill(child);
        }

        boolean published = point.compareTo(WritePoint.PUBLISHED) >= 0;
        List<Integer> expected = published ? List.of(1, 2) : List.of(1);
        assertThat(registry.listVersions("m")).extracting(ModelVersion::version).containsExactlyElementsOf(expected);
        assertComplete(registry);
        assertThat(registry.getVersion("m", 2).isPresent()).isEqualTo(published);

        ModelVersion next = registry.register(Registration.builder("m").artifact("model.bin", artifact("third"))
                .build());
        assertThat(next.version()).isEqualTo(expected.size() + 1);
        assertThat(registry.listVersions("m")).extracting(ModelVersion::version)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, expected.size() + 1).boxed().toList());
        assertComplete(registry);
        assertThat(Files.exists(store.resolve("models/m/.staging"))
                && Files.list(store.resolve("models/m/.staging")).findAny().isPresent()).isFalse();
    }

    @Test
    void anAliasMoveKilledMidWriteKeepsTheOldTarget() throws Exception {
        Path store = temp.resolve("store");
        EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(store);
        registry.register(Registration.builder("m").artifact("model.bin", artifact("one")).build());
        registry.register(Registration.builder("m").artifact("model.bin", artifact("two")).build());
        registry.setAlias("m", "production", 1, "alice", "first");

        Process child = ChildProcesses.start(temp.resolve("child.log"), "alias", store.toString(), "m",
                "production", "2", WritePoint.AUDIT_TORN.name());
        try {
            ChildProcesses.awaitLine(child, "PAUSED ");
        } finally {
            ChildProcesses.kill(child);
        }

        assertThat(registry.aliases("m")).containsEntry("production", 1);
        assertThat(registry.auditLog("m")).filteredOn(e -> e.action() == AuditEvent.Action.ALIAS).hasSize(1);
        AuditEvent moved = registry.setAlias("m", "production", 2, "bob", "second");
        assertThat(moved.from()).isEqualTo("1");
        assertThat(registry.auditLog("m")).filteredOn(e -> e.action() == AuditEvent.Action.ALIAS)
                .extracting(AuditEvent::to).containsExactly("1", "2");
    }

    @Test
    void writersKilledAtRandomMomentsNeverLeaveGapsOrBrokenVersions() throws Exception {
        Path store = temp.resolve("store");
        EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(store);
        Path artifact = artifact("looped");
        Random random = new Random(20261128);
        for (int round = 0; round < 3; round++) {
            Process child = ChildProcesses.start(temp.resolve("loop.log"), "loop", store.toString(), "m",
                    artifact.toString());
            try {
                ChildProcesses.awaitLine(child, "STARTED");
                Thread.sleep(150 + random.nextInt(350));
            } finally {
                ChildProcesses.kill(child);
            }
            List<ModelVersion> versions = registry.listVersions("m");
            assertThat(versions).extracting(ModelVersion::version)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed().toList());
            assertComplete(registry);
        }
        int before = registry.listVersions("m").size();
        assertThat(registry.register(Registration.builder("m").artifact("model.bin", artifact).build()).version())
                .isEqualTo(before + 1);
    }

    private void assertComplete(EmbeddedModelRegistry registry) throws IOException {
        for (ModelVersion version : registry.listVersions("m")) {
            assertThat(version.artifacts()).isNotEmpty();
            for (ArtifactRef ref : version.artifacts()) {
                try (InputStream in = registry.openArtifact("m", version.version(), ref.path())) {
                    assertThat(ContentDigest.sha256(in)).isEqualTo(ref.digest());
                }
            }
        }
    }

    private Path artifact(String content) throws IOException {
        Path file = temp.resolve(content.replaceAll("\\W", "_") + ".bin");
        Files.writeString(file, content);
        return file;
    }
}
