package io.jenkins.plugins.cd4ml.lineage;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streaming SHA-256 of files, the identity of a dataset or model artifact in lineage records and
 * reports. Values read {@code sha256:<64 lowercase hex digits>}, so the algorithm is explicit
 * wherever a digest is stored or compared. Memory does not grow with the file size.
 */
public final class Sha256Digest {
    /** The prefix of every digest this class produces. */
    public static final String PREFIX = "sha256:";

    private Sha256Digest() {
    }

    /**
     * Digests the bytes of a file as stored (a {@code .gz} file is digested compressed).
     *
     * @param file the file
     * @return {@code sha256:<hex>}
     * @throws InvalidInputException when the file is missing or cannot be read
     */
    public static String of(Path file) throws InvalidInputException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()), "file not found");
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()),
                    "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Digests a stream to its end; the caller closes it.
     *
     * @param in the bytes
     * @return {@code sha256:<hex>}
     * @throws IOException when reading fails
     */
    public static String of(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
        }
        return PREFIX + HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Digests bytes held in memory.
     *
     * @param bytes the bytes
     * @return {@code sha256:<hex>}
     */
    public static String of(byte[] bytes) {
        return PREFIX + HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
