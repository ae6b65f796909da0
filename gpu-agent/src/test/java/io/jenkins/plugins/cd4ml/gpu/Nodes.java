package io.jenkins.plugins.cd4ml.gpu;

import io.jenkins.plugins.cd4ml.gpu.discovery.GpuDiscovery;
import io.jenkins.plugins.cd4ml.gpu.health.HealthPolicy;
import io.jenkins.plugins.cd4ml.gpu.health.KernelLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Node reports built from fixtures. */
public final class Nodes {
    /** The time the fixtures were "recorded". */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T03:00:00Z"), ZoneOffset.UTC);

    private Nodes() {
    }

    /**
     * @param fixture the fixture base name
     * @return the node report with default health policy and no kernel log
     */
    public static GpuNodeReport of(String fixture) {
        try {
            return GpuNodeReport.of(new GpuDiscovery(FakeProbe.nvidiaSmi(fixture)).discover(),
                    KernelLog.unreadable("not read in tests"), HealthPolicy.defaults(), CLOCK);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
