package io.jenkins.plugins.cd4ml.steps.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspacePathsTest {
    @TempDir
    Path tmp;

    @Test
    void normalizesRelativePaths() throws AbortException {
        assertThat(WorkspacePaths.normalize("data", "data/train.csv")).isEqualTo("data/train.csv");
        assertThat(WorkspacePaths.normalize("data", "./data//raw/../train.csv")).isEqualTo("data/train.csv");
        assertThat(WorkspacePaths.normalize("data", "data\\win\\train.csv")).isEqualTo("data/win/train.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "\\\\server\\share\\x.csv", "C:\\data\\x.csv", "c:/x", "\\root.csv"})
    void rejectsAbsolutePaths(String path) {
        assertThatThrownBy(() -> WorkspacePaths.normalize("data", path))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("data: ")
                .hasMessageContaining("absolute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x.csv", "a/../../x.csv", "a/./../b/../../x", "..\\x"})
    void rejectsPathsThatLeaveTheWorkspace(String path) {
        assertThatThrownBy(() -> WorkspacePaths.normalize("model", path))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("leaves the workspace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ".", "./", "a/.."})
    void rejectsPathsThatNameNoFile(String path) {
        assertThatThrownBy(() -> WorkspacePaths.normalize("data", path)).isInstanceOf(AbortException.class);
    }

    @Property(tries = 300)
    void anAcceptedPathStaysUnderTheWorkspaceAsJavaNioSeesIt(@ForAll("relativePaths") String path) {
        Path root = Path.of("/ws");
        String normalized;
        try {
            normalized = WorkspacePaths.normalize("data", path);
        } catch (AbortException rejected) {
            Path nio = root.resolve(path).normalize();
            assertThat(nio.startsWith(root) && !nio.equals(root))
                    .as("rejected '%s' although it resolves to %s", path, nio).isFalse();
            return;
        }
        assertThat(List.of(normalized.split("/"))).doesNotContain("..", ".", "");
        assertThat(root.resolve(normalized)).isEqualTo(root.resolve(path).normalize());
    }

    @Provide
    Arbitrary<String> relativePaths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("..", ".", "", "data", "x.csv"),
                Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(3));
        return segment.list().ofMinSize(1).ofMaxSize(6).map(segments -> String.join("/", segments));
    }

    @Test
    void confinesExistingAndNotYetExistingFiles() throws IOException {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        Files.createDirectories(ws.resolve("data"));

        assertThat(WorkspacePaths.confine(ws.toFile(), "data", "data/train.csv"))
                .isEqualTo(ws.toRealPath().resolve("data/train.csv"));
        assertThat(WorkspacePaths.confine(ws.toFile(), "out", "reports/new/report.json"))
                .startsWithRaw(ws.toRealPath());
    }

    @Test
    void rejectsASymbolicLinkThatPointsOutOfTheWorkspace() throws IOException {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        Path outside = Files.createDirectory(tmp.resolve("secrets"));
        Files.writeString(outside.resolve("key.txt"), "s3cr3t");
        Files.createSymbolicLink(ws.resolve("data"), outside);

        assertThatThrownBy(() -> WorkspacePaths.confine(ws.toFile(), "data", "data/key.txt"))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> WorkspacePaths.confine(ws.toFile(), "data", "data/new.txt"))
                .isInstanceOf(AbortException.class);
    }

    @Test
    void acceptsASymbolicLinkThatStaysInside() throws IOException {
        Path ws = Files.createDirectory(tmp.resolve("ws"));
        Path real = Files.createDirectories(ws.resolve("datasets/v2"));
        Files.createSymbolicLink(ws.resolve("current"), real);

        assertThat(WorkspacePaths.confine(ws.toFile(), "data", "current/train.csv")).startsWithRaw(ws.toRealPath());
    }
}
