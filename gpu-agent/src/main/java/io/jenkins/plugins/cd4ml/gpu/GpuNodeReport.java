package io.jenkins.plugins.cd4ml.gpu;

import io.jenkins.plugins.cd4ml.gpu.discovery.GpuDiscovery;
import io.jenkins.plugins.cd4ml.gpu.discovery.GpuInventory;
import io.jenkins.plugins.cd4ml.gpu.health.HealthChecker;
import io.jenkins.plugins.cd4ml.gpu.health.HealthPolicy;
import io.jenkins.plugins.cd4ml.gpu.health.HealthReport;
import io.jenkins.plugins.cd4ml.gpu.health.KernelLog;
import io.jenkins.plugins.cd4ml.gpu.labels.GpuLabels;
import io.jenkins.plugins.cd4ml.gpu.probe.GpuProbe;
import io.jenkins.plugins.cd4ml.gpu.probe.ProcessGpuProbe;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.SortedSet;

/**
 * Everything known about the GPUs of one agent: what is there, whether it is healthy, and which
 * labels it earns. This is what a Jenkins label finder and {@code cd4ml gpus} compute on the agent.
 *
 * @param inventory the discovered GPUs
 * @param health the pre-flight result
 * @param labels the agent labels
 */
public record GpuNodeReport(GpuInventory inventory, HealthReport health, List<String> labels) implements Serializable {
    public GpuNodeReport {
        labels = List.copyOf(labels);
    }

    /**
     * Discovers the GPUs, reads the kernel log for XID errors (skipped with a note when not
     * readable; not read when there are no GPUs), checks health and derives labels. Never throws for a
     * machine without GPUs.
     *
     * @param discovery how to find GPUs
     * @param probe runs the kernel-log commands
     * @param policy what a healthy GPU must satisfy
     * @param clock the current time, for "recent" XID errors
     * @return the report
     * @throws InterruptedException if interrupted while a command runs
     */
    public static GpuNodeReport scan(GpuDiscovery discovery, GpuProbe probe, HealthPolicy policy, Clock clock)
            throws InterruptedException {
        GpuInventory inventory = discovery.discover();
        KernelLog kernelLog = inventory.hasGpus() ? KernelLog.read(probe, policy.xidWindow())
                : new KernelLog(List.of(), true, "no GPUs: kernel log not needed");
        return of(inventory, kernelLog, policy, clock);
    }

    /**
     * Scans the machine this JVM runs on with nvidia-smi from the PATH: what a Jenkins label finder
     * (on agent connect) and a {@code withGpus} step (right before allocating) call on the agent.
     *
     * @param policy what a healthy GPU must satisfy
     * @return the report
     * @throws InterruptedException if interrupted while a command runs
     */
    public static GpuNodeReport scanThisMachine(HealthPolicy policy) throws InterruptedException {
        ProcessGpuProbe probe = new ProcessGpuProbe();
        return scan(new GpuDiscovery(probe), probe, policy, Clock.systemUTC());
    }

    /**
     * @param inventory the discovered GPUs
     * @param kernelLog XID errors
     * @param policy the health policy
     * @param clock the current time
     * @return the report
     */
    public static GpuNodeReport of(GpuInventory inventory, KernelLog kernelLog, HealthPolicy policy, Clock clock) {
        HealthReport health = new HealthChecker(policy).check(inventory, kernelLog, clock.instant());
        SortedSet<String> labels = GpuLabels.of(inventory, health);
        return new GpuNodeReport(inventory, health, List.copyOf(labels));
    }
}
