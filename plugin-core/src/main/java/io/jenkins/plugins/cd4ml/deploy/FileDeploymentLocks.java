package io.jenkins.plugins.cd4ml.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Locks shared by processes on one machine (several {@code cd4ml deploy} runs): an OS file lock on
 * {@code <directory>/<environment>.lock}, taken after the in-process lock (the JVM allows one file
 * lock per file). The OS releases the file lock if the process dies.
 */
public final class FileDeploymentLocks implements DeploymentLocks {
    private static final long POLL_MILLIS = 50;

    private final Path directory;
    private final InProcessDeploymentLocks inProcess = new InProcessDeploymentLocks();

    /** @param directory where lock files live; created when needed */
    public FileDeploymentLocks(Path directory) {
        this.directory = directory;
    }

    @Override
    public Lease acquire(String environment, String holder, Duration timeout)
            throws LockTimeoutException, InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Lease local = inProcess.acquire(environment, holder, timeout);
        Files.createDirectories(directory);
        Path file = directory.resolve(environment + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        try {
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    return () -> {
                        try (channel; local) {
                            lock.release();
                        }
                    };
                }
                if (System.nanoTime() > deadline) {
                    String owner = Files.readString(file, StandardCharsets.UTF_8).trim();
                    throw new LockTimeoutException("environment '" + environment + "' is still locked by "
                            + (owner.isEmpty() ? "another process" : owner) + " after waiting " + timeout.toSeconds()
                            + " s; deployments to one environment run one at a time");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException | LockTimeoutException | InterruptedException | RuntimeException e) {
            channel.close();
            local.close();
            throw e;
        }
    }
}
