package io.jenkins.plugins.cd4ml.steps.gpu;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocationException;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuLease;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * First half of {@code withGpus} on the agent: allocates GPUs (printing the queue message while
 * waiting) and starts telemetry. The session stays open in the agent JVM;
 * {@link FinishGpusCallable} ends it by lease id. Aborting the build interrupts the wait, and then
 * nothing is held.
 */
final class AllocateGpusCallable extends MasterToSlaveFileCallable<GpuLease> {
    private static final long serialVersionUID = 1L;

    private final GpuAsk ask;
    private final String owner;
    private final LogSink log;

    AllocateGpusCallable(GpuAsk ask, String owner, LogSink log) {
        this.ask = ask;
        this.owner = owner;
        this.log = log;
    }

    @Override
    public GpuLease invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        try {
            return GpuAgent.onThisMachine().open(ask, owner, log).lease();
        } catch (GpuAllocationException e) {
            throw new AbortException("withGpus: " + e.getMessage());
        }
    }
}
