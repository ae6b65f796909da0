package io.jenkins.plugins.cd4ml.registry.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** File operations whose effects are all-or-nothing for readers, even if the writer is killed. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes a new file next to the target, forces it to disk and renames it over the target.
     */
    static void replace(Path target, byte[] content, Path tmpDir) throws IOException {
        Files.createDirectories(tmpDir);
        Path tmp = tmpDir.resolve(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            write(tmp, content);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void write(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** An atomic rename; the store refuses file systems that cannot do one. */
    static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the registry store needs a file system with atomic rename: " + target, e);
        }
    }

    /**
     * Appends one line. A previous writer killed mid-append may have left a torn last line: it is
     * cut off first, so every line in the file is complete. Callers hold the model lock.
     */
    static void appendLine(Path file, String line, WriteHook hook, WriteHook.WritePoint tornPoint, boolean force)
            throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long end = completeLength(channel);
            channel.truncate(end);
            channel.position(end);
            int half = bytes.length / 2;
            writeFully(channel, ByteBuffer.wrap(bytes, 0, half));
            hook.reached(tornPoint);
            writeFully(channel, ByteBuffer.wrap(bytes, half, bytes.length - half));
            if (force) {
                channel.force(false);
            }
        }
    }

    /** Makes a rename in the directory durable (a no-op where directories cannot be opened). */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open directories; its renames are journaled by NTFS
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Length of the file up to and including its last newline. */
    private static long completeLength(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long position = size - 1; position >= 0; position--) {
            one.clear();
            channel.read(one, position);
            if (one.get(0) == '\n') {
                return position + 1;
            }
            if (size - position > 1 << 20) {
                throw new IOException("corrupt log (no line end in the last MiB): " + channel);
            }
        }
        return 0;
    }

    /** Reads the complete lines of a log; a torn last line (no newline yet) is not returned. */
    static List<String> readCompleteLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        String content = Files.readString(file, StandardCharsets.UTF_8);
        int start = 0;
        for (int end = content.indexOf('\n'); end >= 0; end = content.indexOf('\n', start)) {
            if (end > start) {
                lines.add(content.substring(start, end));
            }
            start = end + 1;
        }
        return lines;
    }
}
