package io.jenkins.plugins.cd4ml.lineage;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Streaming SHA-256 content digests in the form {@code sha256:<64 lowercase hex>}. Only the bytes
 * count (not the name, time or permissions), so the same file gives the same digest on any agent.
 */
public final class ContentDigest {
    /** Prefix of every digest this class returns. */
    public static final String PREFIX = "sha256:";
    private static final Pattern FORMAT = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private ContentDigest() {
    }

    /**
     * @param file a regular file
     * @return {@code sha256:<hex>} of its bytes, read in constant memory
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /**
     * Digests a user's input file (dataset, predictions) for a report, turning I/O problems into the
     * precise "could not evaluate" error every command reports with exit code 3.
     *
     * @param file the file
     * @return {@code sha256:<hex>}
     * @throws InvalidInputException when the file is missing or cannot be read
     */
    public static String sha256Input(Path file) throws InvalidInputException {
        try {
            return sha256(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()), "file not found");
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()),
                    "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param in a stream, read to its end (not closed)
     * @return {@code sha256:<hex>} of the bytes read
     * @throws IOException if the stream fails
     */
    public static String sha256(InputStream in) throws IOException {
        return copy(in, OutputStream.nullOutputStream()).digest();
    }

    /**
     * @param bytes some bytes
     * @return {@code sha256:<hex>} of them
     */
    public static String sha256(byte[] bytes) {
        return format(newDigest().digest(bytes));
    }

    /**
     * Copies a stream and digests it in one pass, so what is stored is exactly what was digested.
     *
     * @param in the source (not closed)
     * @param out the target (not closed)
     * @return the digest and byte count of what was copied
     * @throws IOException if reading or writing fails
     */
    public static Copied copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
            out.write(buffer, 0, read);
            size += read;
        }
        return new Copied(format(digest.digest()), size);
    }

    /**
     * @param digest a string
     * @return whether it is a well-formed {@code sha256:<hex>} digest
     */
    public static boolean isValid(String digest) {
        return digest != null && FORMAT.matcher(digest).matches();
    }

    /**
     * @param digest a well-formed digest
     * @return its 64 hex characters
     * @throws IllegalArgumentException if it is not well formed
     */
    public static String hex(String digest) {
        if (!isValid(digest)) {
            throw new IllegalArgumentException("not a sha256:<64 hex> digest: " + digest);
        }
        return digest.substring(PREFIX.length());
    }

    private static String format(byte[] hash) {
        return PREFIX + HexFormat.of().formatHex(hash);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The result of {@link #copy}.
     *
     * @param digest {@code sha256:<hex>}
     * @param size bytes copied
     */
    public record Copied(String digest, long size) {
    }
}
