package io.jenkins.plugins.cd4ml.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256DigestTest {
    @TempDir
    Path dir;

    @Test
    void matchesTheKnownDigestOfAbc() throws Exception {
        // FIPS 180-2 test vector
        String abc = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        byte[] bytes = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(Sha256Digest.of(bytes)).isEqualTo(abc);
        assertThat(Sha256Digest.of(new ByteArrayInputStream(bytes))).isEqualTo(abc);
        Path file = Files.write(dir.resolve("abc.txt"), bytes);
        assertThat(Sha256Digest.of(file)).isEqualTo(abc);
    }

    @Test
    void streamsFilesLargerThanTheBuffer() throws Exception {
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("big.bin"), bytes);
        assertThat(Sha256Digest.of(file)).isEqualTo(Sha256Digest.of(bytes)).hasSize(7 + 64);
    }

    @Test
    void aMissingFileIsInvalidInput() {
        assertThatThrownBy(() -> Sha256Digest.of(dir.resolve("nope.csv")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nope.csv").hasMessageContaining("file not found");
    }
}
