package io.jenkins.plugins.cd4ml.gpu.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.cd4ml.gpu.probe.CommandResult;
import io.jenkins.plugins.cd4ml.gpu.probe.GpuProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TelemetrySamplerTest {
    private static final String A = "GPU-aaaaaaaa-0000-0000-0000-000000000001";
    private static final String B = "GPU-bbbbbbbb-0000-0000-0000-000000000002";
    private static final String OTHER = "GPU-cccccccc-0000-0000-0000-000000000003";

    /** A clock tests move by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T04:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Answers each query with the next scripted output. */
    static final class ScriptedProbe implements GpuProbe {
        private final Deque<CommandResult> script = new ArrayDeque<>();

        ScriptedProbe then(String csv) {
            script.add(CommandResult.ok(List.of("nvidia-smi"), csv));
            return this;
        }

        ScriptedProbe thenFail(String message) {
            script.add(new CommandResult(List.of("nvidia-smi"), CommandResult.Outcome.FAILED, 15, "", message));
            return this;
        }

        @Override
        public CommandResult run(List<String> command, Duration timeout) {
            return script.isEmpty() ? CommandResult.notFound(command, "script ended") : script.poll();
        }
    }

    private static String row(int index, String uuid, String utilization, long used, double power, int temperature) {
        return String.format(Locale.ROOT, "%d, %s, %s, %d, 81920, %.2f, %d%n", index, uuid, utilization, used, power,
                temperature);
    }

    @Test
    void summarisesUtilizationMemoryEnergyAndIdleShare() throws InterruptedException {
        ScriptedProbe probe = new ScriptedProbe()
                .then(row(0, A, "0", 100, 60, 35) + row(1, B, "0", 100, 60, 34) + row(2, OTHER, "100", 9, 400, 80))
                .then(row(0, A, "90", 40000, 300, 55) + row(1, B, "0", 100, 60, 34))
                .thenFail("Unable to determine the device handle for GPU0000:07:00.0: Unknown Error")
                .then(row(0, A, "100", 60000, 360, 61) + row(1, B, "[N/A]", 100, 60, 35))
                .then(row(0, A, "80", 50000, 300, 60) + row(1, B, "2", 120, 60, 35));
        ManualClock clock = new ManualClock();
        TelemetrySampler sampler = new TelemetrySampler(probe, "nvidia-smi", List.of(A, B), clock);
        for (int i = 0; i < 5; i++) {
            sampler.sampleOnce();
            clock.advance(Duration.ofSeconds(60));
        }
        TelemetryReport report = sampler.report();
        GpuUsage a = report.gpus().get(0);
        assertThat(a.uuid()).isEqualTo(A);
        assertThat(a.samples()).isEqualTo(4);
        assertThat(a.meanUtilizationPercent()).isCloseTo((0 + 90 + 100 + 80) / 4.0, within(1e-9));
        assertThat(a.peakUtilizationPercent()).isEqualTo(100);
        assertThat(a.peakMemoryUsedMiB()).isEqualTo(60000);
        assertThat(a.meanMemoryUsedMiB()).isCloseTo((100 + 40000 + 60000 + 50000) / 4.0, within(1e-9));
        assertThat(a.idleShare()).isCloseTo(0.25, within(1e-9));
        assertThat(a.peakTemperatureC()).isEqualTo(61);
        // Trapezoids: 0-60 s (60+300)/2, 60-180 s (300+360)/2 across the failed sample, 180-240 s (360+300)/2.
        double joules = 60 * (60 + 300) / 2.0 + 120 * (300 + 360) / 2.0 + 60 * (360 + 300) / 2.0;
        assertThat(a.energyWh()).isCloseTo(joules / 3600, within(1e-9));
        GpuUsage b = report.gpus().get(1);
        assertThat(b.idleShare()).as("[N/A] utilization is not a sample").isCloseTo(1.0, within(1e-9));
        assertThat(b.energyWh()).isCloseTo(60.0 * 240 / 3600, within(1e-9));
        assertThat(report.energyWh()).isCloseTo(a.energyWh() + b.energyWh(), within(1e-9));
        assertThat(report.idleShare()).isCloseTo(4.0 / 7, within(1e-9));
        assertThat(report.warnings()).singleElement().asString().contains("idle 57% of the time");
        assertThat(report.notes()).singleElement().asString().startsWith("1 sample(s) failed: nvidia-smi failed");
        assertThat(report.duration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void busyGpusEarnNoWarning() throws InterruptedException {
        ScriptedProbe probe = new ScriptedProbe().then(row(0, A, "97", 70000, 390, 60)).then(row(0, A, "99", 70000, 395, 61));
        ManualClock clock = new ManualClock();
        TelemetrySampler sampler = new TelemetrySampler(probe, "nvidia-smi", List.of(A), clock);
        sampler.sampleOnce();
        clock.advance(Duration.ofSeconds(10));
        sampler.sampleOnce();
        assertThat(sampler.report().warnings()).isEmpty();
        assertThat(sampler.report().idleShare()).isZero();
    }

    @Property(tries = 100)
    void constantPowerIntegratesToPowerTimesTime(@ForAll @DoubleRange(min = 1, max = 1000) double watts,
            @ForAll @IntRange(min = 2, max = 50) int samples, @ForAll @IntRange(min = 1, max = 600) int seconds)
            throws InterruptedException {
        ScriptedProbe probe = new ScriptedProbe();
        String csv = String.format(Locale.ROOT, "0, %s, 50, 1000, 81920, %.2f, 50%n", A, watts);
        for (int i = 0; i < samples; i++) {
            probe.then(csv);
        }
        double rounded = Double.parseDouble(String.format(Locale.ROOT, "%.2f", watts));
        ManualClock clock = new ManualClock();
        TelemetrySampler sampler = new TelemetrySampler(probe, "nvidia-smi", List.of(A), clock);
        for (int i = 0; i < samples; i++) {
            sampler.sampleOnce();
            clock.advance(Duration.ofSeconds(seconds));
        }
        double expectedWh = rounded * seconds * (samples - 1) / 3600.0;
        assertThat(sampler.report().energyWh()).isCloseTo(expectedWh, within(1e-9 * Math.max(1, expectedWh)));
    }

    @Test
    void backgroundSamplingStartsAndStops() throws InterruptedException {
        ScriptedProbe probe = new ScriptedProbe();
        for (int i = 0; i < 1000; i++) {
            probe.then(row(0, A, "50", 1000, 100, 50));
        }
        TelemetrySampler sampler = new TelemetrySampler(probe, "nvidia-smi", List.of(A), Clock.systemUTC());
        sampler.start(Duration.ofMillis(5));
        Thread.sleep(60);
        TelemetryReport report = sampler.stop();
        assertThat(report.gpus().get(0).samples()).isGreaterThanOrEqualTo(2);
        int after = report.gpus().get(0).samples();
        Thread.sleep(30);
        assertThat(sampler.report().gpus().get(0).samples()).as("stopped").isEqualTo(after);
    }
}
