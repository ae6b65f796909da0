package io.jenkins.plugins.cd4ml.gpu;

import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocation;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocationException;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocator;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuLease;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuRequest;
import io.jenkins.plugins.cd4ml.gpu.probe.GpuProbe;
import io.jenkins.plugins.cd4ml.gpu.telemetry.TelemetrySampler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * GPUs held together with telemetry sampling: what a {@code withGpus} block or {@code cd4ml train}
 * opens before the body and finishes after it. A Jenkins step opens it in one agent callable and
 * finishes it by lease id in another ({@link #finish(String)}); the session lives in the agent JVM
 * in between. If that JVM dies, the locks go with it.
 */
public final class GpuSession implements AutoCloseable {
    /** Sessions open in this JVM, by lease id. */
    private static final Map<String, GpuSession> OPEN = new ConcurrentHashMap<>();

    private final GpuAllocation allocation;
    private final TelemetrySampler sampler;

    private GpuSession(GpuAllocation allocation, TelemetrySampler sampler) {
        this.allocation = allocation;
        this.sampler = sampler;
    }

    /**
     * How to sample telemetry.
     *
     * @param probe runs nvidia-smi
     * @param nvidiaSmi the nvidia-smi program
     * @param interval time between samples
     * @param clock the clock for sample times
     */
    public record Telemetry(GpuProbe probe, String nvidiaSmi, Duration interval, Clock clock) {
    }

    /**
     * Allocates GPUs (waiting if they are busy) and starts sampling them.
     *
     * @param allocator the agent's allocator
     * @param node the agent's GPUs and health (from {@link GpuNodeReport#scan})
     * @param request what is asked for
     * @param telemetry how to sample
     * @param log receives queue messages
     * @return the open session; {@link #finish()} or {@link #finish(String)} it on every path
     * @throws GpuAllocationException if the request cannot be served
     * @throws InterruptedException if interrupted while waiting
     * @throws IOException if the lock directory is not usable
     */
    public static GpuSession open(GpuAllocator allocator, GpuNodeReport node, GpuRequest request, Telemetry telemetry,
            Consumer<String> log) throws GpuAllocationException, InterruptedException, IOException {
        GpuAllocation allocation = allocator.allocate(node, request, log);
        try {
            TelemetrySampler sampler = new TelemetrySampler(telemetry.probe(), telemetry.nvidiaSmi(),
                    allocation.lease().physicalGpuUuids(), telemetry.clock());
            sampler.start(telemetry.interval());
            GpuSession session = new GpuSession(allocation, sampler);
            OPEN.put(allocation.lease().id(), session);
            return session;
        } catch (RuntimeException e) {
            allocation.close();
            throw e;
        }
    }

    /** @return the serializable lease: devices and environment variables for the body */
    public GpuLease lease() {
        return allocation.lease();
    }

    /**
     * Stops telemetry and releases the GPUs.
     *
     * @return the stage report
     * @throws InterruptedException if interrupted while taking the last sample (the GPUs are released anyway)
     */
    public GpuStageReport finish() throws InterruptedException {
        try {
            return new GpuStageReport(lease().devices(), lease().waited(), sampler.stop());
        } finally {
            sampler.close();
            allocation.close();
            OPEN.remove(lease().id());
        }
    }

    /**
     * Finishes a session of this JVM by lease id (the second agent callable of a Jenkins step).
     *
     * @param leaseId {@link GpuLease#id()}
     * @return the stage report, or empty when no such session is open (already finished, or the agent restarted)
     * @throws InterruptedException if interrupted while taking the last sample
     */
    public static Optional<GpuStageReport> finish(String leaseId) throws InterruptedException {
        GpuSession session = OPEN.get(leaseId);
        return session == null ? Optional.empty() : Optional.of(session.finish());
    }

    /** Releases without a report (for error paths); idempotent. */
    @Override
    public void close() {
        sampler.close();
        allocation.close();
        OPEN.remove(lease().id());
    }
}
