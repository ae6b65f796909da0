package io.jenkins.plugins.cd4ml.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentFactsTest {
    @TempDir
    Path tmp;

    private static Properties jvm() {
        Properties p = new Properties();
        p.setProperty("java.version", "17.0.15");
        p.setProperty("java.vendor", "Eclipse Adoptium");
        p.setProperty("os.name", "Linux");
        p.setProperty("os.arch", "amd64");
        return p;
    }

    @Test
    void readsJvmPropertiesAndCpuCount() {
        AgentFacts facts = AgentFacts.of(jvm(), 8, Map.of());

        assertThat(facts.javaVersion()).isEqualTo("17.0.15");
        assertThat(facts.javaVendor()).isEqualTo("Eclipse Adoptium");
        assertThat(facts.osName()).isEqualTo("Linux");
        assertThat(facts.osArch()).isEqualTo("amd64");
        assertThat(facts.cpuCount()).isEqualTo(8);
        assertThat(facts.nvidiaSmiPresent()).isFalse();
        assertThat(facts.nvidiaSmiPath()).isNull();
    }

    @Test
    void findsAnExecutableNvidiaSmiOnThePath() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        Path smi = executable(bin.resolve("nvidia-smi"));
        String path = String.join(File.pathSeparator, empty.toString(), "", bin.toString());

        AgentFacts facts = AgentFacts.of(jvm(), 2, Map.of("Path", path));

        assertThat(facts.nvidiaSmiPresent()).isTrue();
        assertThat(facts.nvidiaSmiPath()).isEqualTo(smi.toAbsolutePath().toString());
    }

    @Test
    void ignoresANonExecutableFileAndDirectoriesNamedLikeTheTool() throws IOException {
        Path bin = Files.createDirectory(tmp.resolve("bin"));
        Files.createFile(bin.resolve("nvidia-smi"));
        Path other = Files.createDirectory(tmp.resolve("other"));
        Files.createDirectory(other.resolve("nvidia-smi"));

        AgentFacts facts = AgentFacts.of(jvm(), 2,
                Map.of("PATH", bin + File.pathSeparator + other));

        assertThat(facts.nvidiaSmiPresent()).isFalse();
    }

    @Test
    void rejectsImpossibleCpuCounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> AgentFacts.of(jvm(), 0, Map.of()));
    }

    @Test
    void survivesJavaSerializationAsItCrossesTheRemotingChannel() throws Exception {
        AgentFacts facts = AgentFacts.ofThisMachine(true);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(facts);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(facts);
        }
        assertThat(facts.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(facts.javaVersion()).isEqualTo(System.getProperty("java.version"));
    }

    private static Path executable(Path file) throws IOException {
        Files.createFile(file);
        if (!file.toFile().setExecutable(true)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return file;
    }
}
