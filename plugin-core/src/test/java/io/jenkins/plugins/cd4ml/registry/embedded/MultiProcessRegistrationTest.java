package io.jenkins.plugins.cd4ml.registry.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twenty separate JVM processes register at the same moment into one fresh store. */
class MultiProcessRegistrationTest {
    private static final int PROCESSES = 20;

    @TempDir
    Path temp;

    @Test
    void twentyProcessesGetVersionsOneToTwentyWithoutDuplicateOrGap() throws Exception {
        Path store = temp.resolve("store");
        Path barrier = temp.resolve("go");
        List<Process> children = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                Path artifact = temp.resolve("model-" + i + ".bin");
                Files.writeString(artifact, "weights of child " + i);
                digests.add(ContentDigest.sha256(artifact));
                children.add(ChildProcesses.start(temp.resolve("child-" + i + ".log"), "register",
                        store.toString(), "credit-risk", artifact.toString(), barrier.toString(), "-"));
            }
            Files.createFile(barrier);
            List<Integer> reported = new ArrayList<>();
            for (Process child : children) {
                reported.add(Integer.parseInt(ChildProcesses.awaitLine(child, "VERSION ").substring(8)));
                assertThat(child.waitFor()).isZero();
            }
            assertThat(reported).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, PROCESSES).boxed()
                    .toList());
        } finally {
            for (Process child : children) {
                ChildProcesses.kill(child);
            }
        }

        List<ModelVersion> versions = EmbeddedModelRegistry.open(store).listVersions("credit-risk");
        assertThat(versions).extracting(ModelVersion::version)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, PROCESSES).boxed().toList());
        // every child's artifact is in exactly one version
        assertThat(versions).extracting(v -> v.artifacts().get(0).digest())
                .containsExactlyInAnyOrderElementsOf(digests);
    }
}
