package io.jenkins.plugins.cd4ml.gpu.alloc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-GPU lock files shared by every process on an agent. OS file locks are owned by the process,
 * vanish when it dies (agent crash, {@code kill -9}) and do not exclude threads of the same process;
 * and on Linux closing <em>any</em> descriptor of a file drops the process's lock on it. So this
 * class keeps one process-wide table of the files this JVM is holding or reading, and never opens a
 * second descriptor of such a file. This is the one piece of static state in gpu-agent: it mirrors
 * the operating system's per-process ownership of locks.
 */
final class LockFiles {
    private static final Map<Path, Object> IN_USE = new ConcurrentHashMap<>();
    private static final Object READING = new Object();

    private LockFiles() {
    }

    /** A lock this JVM holds. */
    static final class Held {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;
        private final String ownerText;

        private Held(Path file, FileChannel channel, FileLock lock, String ownerText) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
            this.ownerText = ownerText;
        }

        Path file() {
            return file;
        }

        void release() {
            try {
                if (lock.isValid()) {
                    channel.truncate(0);
                    lock.release();
                }
                channel.close();
            } catch (IOException ignored) {
                // Closing the channel drops the lock whatever happens; nothing else to undo.
            } finally {
                IN_USE.remove(file, this);
            }
        }
    }

    /**
     * @param file the lock file (created when missing)
     * @param ownerText written into the file so waiting builds can say who holds it
     * @return the held lock, or {@code null} when another thread or process holds it
     * @throws IOException if the lock file cannot be created or opened
     */
    static Held tryAcquire(Path file, String ownerText) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        Object marker = new Object();
        if (IN_USE.putIfAbsent(key, marker) != null) {
            return null;
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                IN_USE.remove(key, marker);
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(ownerText.getBytes(StandardCharsets.UTF_8)), 0);
            Held held = new Held(key, channel, lock, ownerText);
            IN_USE.replace(key, marker, held);
            return held;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            IN_USE.remove(key, marker);
            return null;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            IN_USE.remove(key, marker);
            throw e;
        }
    }

    /**
     * @param file a lock file
     * @return who holds it as written in the file (or kept in memory for this JVM's locks), or empty when unknown
     */
    static String holderOf(Path file) {
        Path key = file.toAbsolutePath().normalize();
        Object current = IN_USE.putIfAbsent(key, READING);
        if (current instanceof Held held) {
            return held.ownerText;
        }
        if (current != null) {
            return "";
        }
        try {
            return Files.exists(key) ? Files.readString(key, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "";
        } finally {
            IN_USE.remove(key, READING);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked through it
            }
        }
    }
}
