package io.jenkins.plugins.cd4ml.gpu.probe;

import java.time.Duration;
import java.util.List;

/**
 * Runs a diagnostic command on the machine that has the GPUs. Production code uses
 * {@link ProcessGpuProbe}; tests inject recorded outputs, so no parser needs a real GPU.
 */
@FunctionalInterface
public interface GpuProbe {
    /** The default time limit for one diagnostic command. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Runs {@code command} and captures its output. Never throws for a missing program, a
     * failure or a timeout: those are described by the result.
     *
     * @param command the program and its arguments
     * @param timeout how long it may run
     * @return what happened
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    CommandResult run(List<String> command, Duration timeout) throws InterruptedException;
}
