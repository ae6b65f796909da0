package io.jenkins.plugins.cd4ml.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentDigestTest {
    @TempDir
    Path temp;

    @Test
    void matchesTheFips180ReferenceVectors() throws Exception {
        // FIPS 180-2 appendix B.1 and the empty message
        assertThat(ContentDigest.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ContentDigest.sha256(new byte[0]))
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        Path file = Files.write(temp.resolve("abc.txt"), "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(ContentDigest.sha256(file)).isEqualTo(ContentDigest.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Property(tries = 200)
    void streamingCopyDigestsExactlyWhatItCopies(@ForAll @Size(max = 200_000) byte[] bytes) throws Exception {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        ContentDigest.Copied copied = ContentDigest.copy(new ByteArrayInputStream(bytes), copy);
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(copied.digest()).isEqualTo(expected).isEqualTo(ContentDigest.sha256(bytes));
        assertThat(copied.size()).isEqualTo(bytes.length);
        assertThat(copy.toByteArray()).isEqualTo(bytes);
        assertThat(ContentDigest.isValid(copied.digest())).isTrue();
    }

    @Test
    void rejectsMalformedDigests() {
        assertThat(ContentDigest.isValid("sha256:ABC")).isFalse();
        assertThat(ContentDigest.isValid("md5:" + "0".repeat(32))).isFalse();
        assertThat(ContentDigest.isValid(null)).isFalse();
    }
}
