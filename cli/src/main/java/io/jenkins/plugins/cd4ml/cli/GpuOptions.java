package io.jenkins.plugins.cd4ml.cli;

import io.jenkins.plugins.cd4ml.gpu.GpuNodeReport;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocator;
import io.jenkins.plugins.cd4ml.gpu.discovery.GpuDiscovery;
import io.jenkins.plugins.cd4ml.gpu.health.HealthPolicy;
import io.jenkins.plugins.cd4ml.gpu.health.KernelLog;
import io.jenkins.plugins.cd4ml.gpu.health.KernelLogParser;
import io.jenkins.plugins.cd4ml.gpu.probe.GpuProbe;
import io.jenkins.plugins.cd4ml.gpu.probe.ProcessGpuProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by {@code cd4ml gpus} and {@code cd4ml train}: where nvidia-smi is, what healthy means. */
final class GpuOptions {
    @Option(names = "--nvidia-smi", paramLabel = "PATH", description = "The nvidia-smi program (default: ${DEFAULT-VALUE}).",
            defaultValue = GpuDiscovery.NVIDIA_SMI)
    String nvidiaSmi;

    @Option(names = "--max-temperature", paramLabel = "CELSIUS",
            description = "A GPU hotter than this is unhealthy (default: ${DEFAULT-VALUE}).", defaultValue = "85")
    int maxTemperature;

    @Option(names = "--min-driver", paramLabel = "VERSION", description = "Oldest acceptable NVIDIA driver, e.g. 535.104.")
    String minDriver;

    @Option(names = "--min-cuda", paramLabel = "VERSION", description = "Oldest acceptable CUDA version, e.g. 12.2.")
    String minCuda;

    @Option(names = "--require-persistence-mode", description = "Treat persistence mode off as unhealthy, not a warning.")
    boolean requirePersistence;

    @Option(names = "--kernel-log", paramLabel = "FILE",
            description = "Read XID errors from this file (journalctl -k -o short-iso or dmesg text) instead of the system log.")
    Path kernelLog;

    @Option(names = "--no-kernel-log", description = "Skip the XID check.")
    boolean noKernelLog;

    @Option(names = "--lock-dir", paramLabel = "DIR", description = "GPU lock directory shared by every build on this machine "
            + "(default: ~/.cd4ml/gpu-locks).")
    Path lockDir;

    final GpuProbe probe = new ProcessGpuProbe();

    HealthPolicy policy() {
        return new HealthPolicy(maxTemperature, minDriver, minCuda, requirePersistence, Duration.ofHours(24));
    }

    Path lockDirectory() {
        return lockDir == null ? GpuAllocator.defaultLockDirectory() : lockDir;
    }

    GpuNodeReport scan() throws InterruptedException, IOException {
        GpuDiscovery discovery = new GpuDiscovery(probe, nvidiaSmi, GpuProbe.DEFAULT_TIMEOUT);
        if (kernelLog == null && !noKernelLog) {
            return GpuNodeReport.scan(discovery, probe, policy(), Clock.systemUTC());
        }
        KernelLog log = noKernelLog ? KernelLog.unreadable("XID check skipped (--no-kernel-log)")
                : new KernelLog(new KernelLogParser().parse(Files.readString(kernelLog, StandardCharsets.UTF_8)), true,
                        "read from " + kernelLog);
        return GpuNodeReport.of(discovery.discover(), log, policy(), Clock.systemUTC());
    }
}
