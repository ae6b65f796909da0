package io.jenkins.plugins.cd4ml.gpu.telemetry;

import io.jenkins.plugins.cd4ml.gpu.discovery.GpuDiscovery;
import io.jenkins.plugins.cd4ml.gpu.discovery.QueryGpuCsv;
import io.jenkins.plugins.cd4ml.gpu.discovery.Values;
import io.jenkins.plugins.cd4ml.gpu.probe.CommandResult;
import io.jenkins.plugins.cd4ml.gpu.probe.GpuProbe;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples utilization, memory, power and temperature of some GPUs with
 * {@code nvidia-smi --query-gpu} while a build runs, and summarises them. Use {@link #start(Duration)}
 * and {@link #stop()} around a body, or call {@link #sampleOnce()} yourself (tests, fake clocks).
 */
public final class TelemetrySampler implements AutoCloseable {
    /** Fields sampled, in order. */
    public static final List<String> FIELDS = List.of("index", "uuid", "utilization.gpu", "memory.used",
            "memory.total", "power.draw", "temperature.gpu");
    /** Utilization below this (percent) counts as idle. */
    public static final int IDLE_THRESHOLD_PERCENT = 5;
    /** More idle than this share of the time earns a warning. */
    public static final double IDLE_WARNING_SHARE = 0.5;

    private final GpuProbe probe;
    private final String nvidiaSmi;
    private final Clock clock;
    private final Map<String, UsageAccumulator> usage = new LinkedHashMap<>();
    private final QueryGpuCsv query = new QueryGpuCsv(FIELDS);
    private int failedSamples;
    private String lastFailure = "";
    private Instant start;
    private ScheduledExecutorService executor;

    /**
     * @param probe runs nvidia-smi
     * @param nvidiaSmi the nvidia-smi program
     * @param gpuUuids the physical GPUs to watch
     * @param clock the clock for sample times
     */
    public TelemetrySampler(GpuProbe probe, String nvidiaSmi, List<String> gpuUuids, Clock clock) {
        this.probe = probe;
        this.nvidiaSmi = nvidiaSmi == null ? GpuDiscovery.NVIDIA_SMI : nvidiaSmi;
        this.clock = clock;
        for (String uuid : gpuUuids) {
            usage.put(uuid, new UsageAccumulator(uuid, IDLE_THRESHOLD_PERCENT));
        }
    }

    /**
     * Takes one sample of every watched GPU. A failing nvidia-smi is counted, never thrown.
     *
     * @throws InterruptedException if interrupted while nvidia-smi runs
     */
    public void sampleOnce() throws InterruptedException {
        CommandResult result = probe.run(List.of(nvidiaSmi, query.queryArgument(), QueryGpuCsv.formatArgument()),
                Duration.ofSeconds(10));
        Instant now = clock.instant();
        synchronized (this) {
            if (start == null) {
                start = now;
            }
            if (!result.isOk()) {
                failedSamples++;
                lastFailure = result.describeFailure();
                return;
            }
            try {
                for (Map<String, String> row : query.parse(result.stdout())) {
                    UsageAccumulator gpu = usage.get(row.get("uuid"));
                    if (gpu != null) {
                        gpu.add(new GpuSample(now, row.get("uuid"), Values.integer(row.get("utilization.gpu")),
                                Values.wholeNumber(row.get("memory.used")), Values.wholeNumber(row.get("memory.total")),
                                Values.number(row.get("power.draw")), Values.integer(row.get("temperature.gpu"))));
                    }
                }
            } catch (InvalidInputException e) {
                failedSamples++;
                lastFailure = e.getMessage();
            }
        }
    }

    /**
     * Samples now and then every {@code interval} on a daemon thread until {@link #stop()}.
     *
     * @param interval time between samples
     */
    public synchronized void start(Duration interval) {
        if (executor != null) {
            throw new IllegalStateException("telemetry already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cd4ml-gpu-telemetry");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleAtFixedRate(() -> {
            try {
                sampleOnce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops sampling (taking one last sample, so short bodies have a start and an end) and summarises.
     *
     * @return the report
     * @throws InterruptedException if interrupted while stopping
     */
    public TelemetryReport stop() throws InterruptedException {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdownNow();
            running.awaitTermination(15, TimeUnit.SECONDS);
            sampleOnce();
        }
        return report();
    }

    /** @return the summary of the samples so far */
    public synchronized TelemetryReport report() {
        Instant end = clock.instant();
        List<GpuUsage> gpus = new ArrayList<>();
        double energy = 0;
        int idle = 0;
        int withUtilization = 0;
        for (UsageAccumulator accumulator : usage.values()) {
            GpuUsage gpu = accumulator.toUsage();
            gpus.add(gpu);
            energy += gpu.energyWh();
            idle += accumulator.idleSamples();
            withUtilization += accumulator.utilizationSamples();
        }
        Double idleShare = withUtilization == 0 ? null : (double) idle / withUtilization;
        List<String> warnings = new ArrayList<>();
        if (idleShare != null && idleShare > IDLE_WARNING_SHARE) {
            warnings.add(String.format(Locale.ROOT, "GPUs sat idle %.0f%% of the time (utilization below %d%%): "
                    + "the work may be CPU- or I/O-bound, or asked for more GPUs than it uses", idleShare * 100,
                    IDLE_THRESHOLD_PERCENT));
        }
        List<String> allNotes = new ArrayList<>();
        if (failedSamples > 0) {
            allNotes.add(failedSamples + " sample(s) failed: " + lastFailure);
        }
        if (!usage.isEmpty() && withUtilization == 0 && gpus.stream().anyMatch(g -> g.samples() > 0)) {
            allNotes.add("utilization not reported (MIG devices report no per-device utilization through nvidia-smi)");
        }
        return new TelemetryReport(start == null ? end : start, end, gpus, idleShare, energy, warnings, allNotes);
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }
}
