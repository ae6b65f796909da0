package io.jenkins.plugins.cd4ml.gpu.train;

import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Digests of outputs for lineage. A directory's digest is the SHA-256 of its manifest: one line
 * {@code <relative/path> <sha256:…>} per regular file, sorted by path, so it changes when any
 * file's name or content changes and not when timestamps do. Symbolic links are not followed.
 */
public final class OutputDigests {
    private OutputDigests() {
    }

    /**
     * A digest and what it covered.
     *
     * @param digest {@code sha256:…}
     * @param bytes total bytes
     * @param files number of files
     */
    public record Digest(String digest, long bytes, int files) {
    }

    /**
     * @param path a file or directory
     * @return its digest
     * @throws IOException if it cannot be read
     */
    public static Digest of(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return new Digest(ContentDigest.sha256(path), Files.size(path), 1);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = new ArrayList<>(walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .toList());
        }
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            lines.add(path.relativize(file).toString().replace('\\', '/') + " " + ContentDigest.sha256(file));
            bytes += Files.size(file);
        }
        lines.sort(null);
        String manifest = String.join("\n", lines) + "\n";
        return new Digest(ContentDigest.sha256(manifest.getBytes(StandardCharsets.UTF_8)), bytes, files.size());
    }
}
