package io.jenkins.plugins.cd4ml.lineage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests in the form lineage records use: {@code sha256:<64 lower-case hex digits>}. */
public final class ContentDigest {
    /** The prefix of every digest this class writes. */
    public static final String SHA256_PREFIX = "sha256:";

    private ContentDigest() {
    }

    /**
     * Streams a file through SHA-256 (memory does not grow with file size).
     *
     * @param file a regular file
     * @return {@code sha256:<hex>}
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, read);
            }
        }
        return SHA256_PREFIX + HexFormat.of().formatHex(digest.digest());
    }

    /**
     * @param bytes some bytes
     * @return {@code sha256:<hex>} of them
     */
    public static String sha256(byte[] bytes) {
        return SHA256_PREFIX + HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
