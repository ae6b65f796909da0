package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.cd4ml.gpu.GpuSession;
import io.jenkins.plugins.cd4ml.gpu.GpuStageReport;
import java.io.File;
import jenkins.MasterToSlaveFileCallable;

/**
 * Second half of {@code withGpus} on the agent: stops telemetry, releases the GPUs of a lease and
 * returns the stage report. Idempotent: a lease that is already released (or was lost with an
 * agent restart, which drops its locks) gives {@code null}.
 */
final class FinishGpusCallable extends MasterToSlaveFileCallable<GpuStageReport> {
    private static final long serialVersionUID = 1L;

    private final String leaseId;

    FinishGpusCallable(String leaseId) {
        this.leaseId = leaseId;
    }

    @Override
    public @CheckForNull GpuStageReport invoke(File workspace, VirtualChannel channel) throws InterruptedException {
        return GpuSession.finish(leaseId).orElse(null);
    }
}
