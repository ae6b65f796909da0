package io.jenkins.plugins.cd4ml.registry.embedded;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a model, held through an OS file lock so it excludes other processes; the
 * OS releases it when a holder dies. Threads of one JVM cannot share an OS file lock, so they wait
 * for each other by retrying.
 */
final class ModelLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ModelLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ModelLock acquire(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            while (true) {
                try {
                    return new ModelLock(channel, channel.lock());
                } catch (OverlappingFileLockException e) {
                    pause();
                }
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static void pause() throws InterruptedIOException {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the registry lock");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
