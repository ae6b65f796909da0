package io.jenkins.plugins.cd4ml.registry.embedded;

import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Content-addressed files under {@code blobs/sha256/<2 hex>/<64 hex>}. A blob is written to a
 * temporary file while being digested, then renamed to its digest's name, so a blob that exists
 * is always complete; identical content is stored once and never rewritten.
 */
final class BlobStore {
    private final Path root;
    private final Path tmp;
    private final WriteHook hook;

    BlobStore(Path storeRoot, WriteHook hook) {
        this.root = storeRoot.resolve("blobs").resolve("sha256");
        this.tmp = storeRoot.resolve(".tmp");
        this.hook = hook;
    }

    /**
     * @param file a local file
     * @return its digest, size and location relative to the store root
     */
    Stored put(Path file) throws IOException {
        Files.createDirectories(tmp);
        Path staged = tmp.resolve("blob-" + UUID.randomUUID());
        try {
            ContentDigest.Copied copied;
            try (InputStream in = Files.newInputStream(file);
                    FileChannel channel = FileChannel.open(staged, StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                copied = ContentDigest.copy(in, out);
                out.flush();
                channel.force(true);
            }
            hook.reached(WriteHook.WritePoint.BLOB_STAGED);
            Path target = pathOf(copied.digest());
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                // two writers of the same content may race here: the rename replaces equal bytes
                AtomicFiles.move(staged, target);
            }
            return new Stored(copied.digest(), copied.size(), location(copied.digest()));
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    Path pathOf(String digest) {
        String hex = ContentDigest.hex(digest);
        return root.resolve(hex.substring(0, 2)).resolve(hex);
    }

    static String location(String digest) {
        String hex = ContentDigest.hex(digest);
        return "blobs/sha256/" + hex.substring(0, 2) + "/" + hex;
    }

    /** A stored blob. */
    record Stored(String digest, long size, String location) {
    }
}
