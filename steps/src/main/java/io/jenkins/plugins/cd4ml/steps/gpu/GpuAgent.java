package io.jenkins.plugins.cd4ml.steps.gpu;

import io.jenkins.plugins.cd4ml.gpu.GpuNodeReport;
import io.jenkins.plugins.cd4ml.gpu.GpuSession;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocationException;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocator;
import io.jenkins.plugins.cd4ml.gpu.discovery.GpuDiscovery;
import io.jenkins.plugins.cd4ml.gpu.health.HealthPolicy;
import io.jenkins.plugins.cd4ml.gpu.probe.GpuProbe;
import io.jenkins.plugins.cd4ml.gpu.probe.ProcessGpuProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The agent side of the GPU steps, without Jenkins types: scan the machine, then allocate and
 * start telemetry. The callables use {@link #onThisMachine()}; tests give a recorded probe and a
 * temporary lock directory.
 *
 * @param probe runs nvidia-smi and the kernel-log commands
 * @param lockDirectory where the per-device lock files are
 * @param telemetryInterval time between telemetry samples
 */
record GpuAgent(GpuProbe probe, Path lockDirectory, Duration telemetryInterval) {
    /** Sampling interval of the steps (as {@code cd4ml train}'s default). */
    static final Duration TELEMETRY_INTERVAL = Duration.ofSeconds(5);

    /** @return the agent JVM's machine: nvidia-smi from the PATH, locks in {@code ~/.cd4ml/gpu-locks} */
    static GpuAgent onThisMachine() {
        return new GpuAgent(new ProcessGpuProbe(), GpuAllocator.defaultLockDirectory(), TELEMETRY_INTERVAL);
    }

    /**
     * Scans the GPUs (health included), allocates what is asked for (waiting while busy) and starts
     * telemetry. The session stays open in this JVM until {@link GpuSession#finish(String)}.
     *
     * @param ask what is asked for
     * @param owner shown to builds that wait for these devices
     * @param log receives the queue messages
     * @return the open session
     * @throws GpuAllocationException if the agent cannot serve the request, or not in time
     * @throws InterruptedException if the build is aborted while waiting
     * @throws IOException if the lock directory is not usable
     */
    GpuSession open(GpuAsk ask, String owner, Consumer<String> log)
            throws GpuAllocationException, InterruptedException, IOException {
        GpuNodeReport node = GpuNodeReport.scan(new GpuDiscovery(probe, GpuDiscovery.NVIDIA_SMI,
                GpuProbe.DEFAULT_TIMEOUT), probe, HealthPolicy.defaults(), Clock.systemUTC());
        return GpuSession.open(new GpuAllocator(lockDirectory), node, ask.toRequest(owner),
                new GpuSession.Telemetry(probe, GpuDiscovery.NVIDIA_SMI, telemetryInterval, Clock.systemUTC()), log);
    }
}
