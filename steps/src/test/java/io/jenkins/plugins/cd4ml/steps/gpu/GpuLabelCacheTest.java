package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpuLabelCacheTest {
    private Instant now = Instant.parse("2026-11-28T04:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final GpuLabelCache cache = new GpuLabelCache(clock, Duration.ofMinutes(15));

    @Test
    void aNodeNeverScannedHasNoLabelsAndIsStale() {
        assertThat(cache.labels("agent-1")).isEmpty();
        assertThat(cache.isStale("agent-1")).isTrue();
    }

    @Test
    void aScanIsFreshUntilTheMaximumAge() {
        assertThat(cache.beginScan("agent-1")).isTrue();
        assertThat(cache.store("agent-1", List.of("gpu", "gpu-1", "gpu-t4"))).isTrue();

        assertThat(cache.labels("agent-1")).containsExactly("gpu", "gpu-1", "gpu-t4");
        now = now.plus(Duration.ofMinutes(14));
        assertThat(cache.isStale("agent-1")).isFalse();
        now = now.plus(Duration.ofMinutes(1));
        assertThat(cache.isStale("agent-1")).isTrue();
        assertThat(cache.labels("agent-1")).as("stale labels are still served").containsExactly("gpu", "gpu-1", "gpu-t4");
    }

    @Test
    void onlyOneScanPerNodeRunsAtATime() {
        assertThat(cache.beginScan("agent-1")).isTrue();
        assertThat(cache.beginScan("agent-1")).isFalse();
        assertThat(cache.beginScan("agent-2")).isTrue();
        cache.store("agent-1", List.of());
        assertThat(cache.beginScan("agent-1")).isTrue();
    }

    @Test
    void storeSaysWhetherTheLabelsChanged() {
        assertThat(cache.store("agent-1", List.of("gpu"))).isTrue();
        assertThat(cache.store("agent-1", List.of("gpu"))).isFalse();
        assertThat(cache.store("agent-1", List.of("gpu", "gpu-unhealthy"))).isTrue();
    }

    @Test
    void aFailedScanKeepsTheOldLabelsAndWaitsTheMaximumAgeBeforeTheNextOne() {
        cache.store("agent-1", List.of("gpu"));
        now = now.plus(Duration.ofHours(1));
        assertThat(cache.beginScan("agent-1")).isTrue();

        cache.scanFailed("agent-1");

        assertThat(cache.labels("agent-1")).containsExactly("gpu");
        assertThat(cache.isStale("agent-1")).isFalse();
        assertThat(cache.beginScan("agent-1")).isTrue();
    }
}
