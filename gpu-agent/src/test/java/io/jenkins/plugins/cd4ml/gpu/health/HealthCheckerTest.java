package io.jenkins.plugins.cd4ml.gpu.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gpu.FakeProbe;
import io.jenkins.plugins.cd4ml.gpu.Fixtures;
import io.jenkins.plugins.cd4ml.gpu.discovery.GpuDiscovery;
import io.jenkins.plugins.cd4ml.gpu.discovery.GpuInventory;
import io.jenkins.plugins.cd4ml.gpu.probe.CommandResult;
import io.jenkins.plugins.cd4ml.report.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthCheckerTest {
    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");

    private static GpuInventory inventory(String fixture) throws InterruptedException {
        return new GpuDiscovery(FakeProbe.nvidiaSmi(fixture)).discover();
    }

    private static HealthReport check(String fixture, HealthPolicy policy, KernelLog log) throws InterruptedException {
        return new HealthChecker(policy).check(inventory(fixture), log, NOW);
    }

    @Test
    void healthyA100() throws InterruptedException {
        HealthReport report = check("a100-80gb", HealthPolicy.defaults(), KernelLog.unreadable("skipped"));
        assertThat(report.gpus()).singleElement().satisfies(g -> {
            assertThat(g.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(g.summary()).isEqualTo("healthy");
        });
        assertThat(report.notes()).containsExactly("skipped");
    }

    @Test
    void persistenceModeOffIsAWarningUnlessRequired() throws InterruptedException {
        HealthReport lenient = check("t4", HealthPolicy.defaults(), KernelLog.unreadable(""));
        assertThat(lenient.gpus().get(0).status()).isEqualTo(HealthStatus.WARNING);
        assertThat(lenient.gpus().get(0).findings()).extracting(HealthFinding::check).containsExactly("persistence-mode");
        HealthPolicy strict = new HealthPolicy(85, "", "", true, Duration.ofHours(1));
        assertThat(check("t4", strict, KernelLog.unreadable("")).gpus().get(0).status())
                .isEqualTo(HealthStatus.UNHEALTHY);
    }

    @Test
    void eccRowRemappingAndTemperatureMakeGpusUnhealthy() throws InterruptedException {
        HealthReport report = check("dgx-a100-8x", HealthPolicy.defaults(), KernelLog.unreadable(""));
        assertThat(report.gpus()).extracting(GpuHealth::status).containsExactly(HealthStatus.HEALTHY,
                HealthStatus.HEALTHY, HealthStatus.HEALTHY, HealthStatus.UNHEALTHY, HealthStatus.HEALTHY,
                HealthStatus.UNHEALTHY, HealthStatus.UNHEALTHY, HealthStatus.HEALTHY);
        assertThat(report.gpus().get(3).findings()).extracting(HealthFinding::check).containsExactly("row-remapping");
        assertThat(report.gpus().get(5).findings()).extracting(HealthFinding::check).containsExactly("ecc");
        assertThat(report.gpus().get(6).summary()).contains("temperature 89 °C is above the limit of 85 °C");
        assertThat(report.anyUnhealthy()).isTrue();
        HealthPolicy hotter = new HealthPolicy(90, "", "", false, Duration.ofHours(24));
        assertThat(check("dgx-a100-8x", hotter, KernelLog.unreadable("")).gpus().get(6).status())
                .isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void driverAndCudaMinimums() throws InterruptedException {
        HealthPolicy policy = HealthPolicy.defaults().withMinimums("535.104.05", "12.0");
        HealthReport t4 = check("t4", policy, KernelLog.unreadable(""));
        assertThat(t4.gpus().get(0).findings()).extracting(HealthFinding::check)
                .contains("driver-version", "cuda-version");
        assertThat(t4.gpus().get(0).summary()).contains("driver 470.182.03 is older than the required 535.104.05")
                .contains("CUDA 11.4 is older than the required 12.0");
        assertThat(check("h100", policy, KernelLog.unreadable("")).gpus().get(0).status())
                .isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void recentCriticalXidsFromTheJournalMatchGpusByPciAddress() throws InterruptedException {
        KernelLog log = new KernelLog(new KernelLogParser().parse(Fixtures.text("kernel-log-journal.txt")), true, "");
        HealthReport report = check("dgx-a100-8x", HealthPolicy.defaults(), log);
        // GPU 0 (07:00) only had XID 31, an application fault.
        assertThat(report.gpus().get(0).status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(report.gpus().get(3).summary()).contains("recent XID error(s) [63]");
        assertThat(report.gpus().get(5).findings()).filteredOn(f -> f.check().equals("xid"))
                .extracting(HealthFinding::severity).containsExactly(Severity.FAILURE, Severity.WARNING);
        assertThat(report.gpus().get(5).summary()).contains("XID error(s) [48]").contains("XID error(s) [94]");
        // A window that ends before the errors ignores them.
        HealthPolicy shortWindow = new HealthPolicy(85, "", "", false, Duration.ofMinutes(10));
        assertThat(check("dgx-a100-8x", shortWindow, log).gpus().get(3).findings())
                .extracting(HealthFinding::check).doesNotContain("xid");
    }

    @Test
    void dmesgXidsCountSinceBoot() throws InterruptedException {
        KernelLog log = new KernelLog(new KernelLogParser().parse(Fixtures.text("kernel-log-dmesg.txt")), true, "");
        HealthReport report = check("dgx-a100-8x", HealthPolicy.defaults(), log);
        assertThat(report.gpus().get(6).summary()).contains("recent XID error(s) [79]");
    }

    @Test
    void kernelLogFallsBackToDmesgThenSkipsWithANote() throws InterruptedException {
        FakeProbe journalDenied = new FakeProbe()
                .answer("journalctl", CommandResult.Outcome.FAILED, 1, "Failed to get journal access: Permission denied")
                .answer("dmesg", CommandResult.Outcome.OK, 0, Fixtures.text("kernel-log-dmesg.txt"));
        KernelLog viaDmesg = KernelLog.read(journalDenied, Duration.ofHours(24));
        assertThat(viaDmesg.readable()).isTrue();
        assertThat(viaDmesg.events()).extracting(XidEvent::xid).containsExactly(79);
        FakeProbe nothing = new FakeProbe()
                .answer("journalctl", CommandResult.Outcome.FAILED, 1, "Permission denied")
                .answer("dmesg", CommandResult.Outcome.FAILED, 1, "dmesg: read kernel buffer failed: Operation not permitted");
        KernelLog skipped = KernelLog.read(nothing, Duration.ofHours(24));
        assertThat(skipped.readable()).isFalse();
        assertThat(skipped.note()).startsWith("XID check skipped").contains("Operation not permitted");
    }

    @Test
    void kernelLogParser() {
        List<XidEvent> events = new KernelLogParser().parse(Fixtures.text("kernel-log-journal.txt"));
        assertThat(events).extracting(XidEvent::xid).containsExactly(31, 63, 48, 94);
        assertThat(events.get(1).pciAddress()).isEqualTo(PciAddress.normalise("00000000:4E:00.0"));
        assertThat(events.get(1).time()).isEqualTo(Instant.parse("2026-11-28T01:37:09Z"));
        assertThat(events.get(2).isCritical()).isTrue();
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(Versions.compare("535.104.05", "535.54.03")).isPositive();
        assertThat(Versions.compare("12.2", "12.10")).isNegative();
        assertThat(Versions.compare("12.0", "12")).isZero();
    }
}
