package io.jenkins.plugins.cd4ml.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocator;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuRequest;
import io.jenkins.plugins.cd4ml.gpu.probe.CommandResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuSessionTest {
    @TempDir
    Path locks;

    @Test
    void openSamplesAndFinishByIdReleasesTheGpus() throws Exception {
        GpuNodeReport node = Nodes.of("a100-80gb");
        String uuid = node.inventory().gpus().get(0).uuid();
        FakeProbe probe = new FakeProbe().answer("--query-gpu", CommandResult.Outcome.OK, 0,
                "0, " + uuid + ", 3, 1200, 81920, 70.5, 40\n");
        GpuAllocator allocator = new GpuAllocator(locks, Duration.ofMillis(10));
        GpuSession.Telemetry telemetry = new GpuSession.Telemetry(probe, "nvidia-smi", Duration.ofMillis(5),
                Clock.systemUTC());
        GpuSession session = GpuSession.open(allocator, node, GpuRequest.of(1, 80, Duration.ZERO, "stage train"),
                telemetry, m -> { });
        String id = session.lease().id();
        assertThat(session.lease().environment()).containsEntry("CUDA_VISIBLE_DEVICES", uuid);
        Thread.sleep(30);
        GpuStageReport report = GpuSession.finish(id).orElseThrow();
        assertThat(GpuSession.finish(id)).as("finished once").isEmpty();
        assertThat(report.devices()).hasSize(1);
        assertThat(report.telemetry().gpus().get(0).samples()).isGreaterThanOrEqualTo(2);
        assertThat(report.telemetry().warnings()).singleElement().asString().contains("idle 100%");
        assertThat(report.toText().get(0)).startsWith("GPU report: 1 device(s)");
        assertThat(allocator.states(node)).allSatisfy(s -> assertThat(s.isFree()).isTrue());
        try (GpuSession again = GpuSession.open(allocator, node, GpuRequest.of(1, 0, Duration.ZERO, "next"),
                telemetry, m -> { })) {
            assertThat(again.lease().devices()).extracting(d -> d.uuid()).containsExactly(uuid);
            assertThat(allocator.states(node)).singleElement().satisfies(s -> assertThat(s.holder()).contains("next"));
        }
        assertThat(List.copyOf(allocator.states(node))).allSatisfy(s -> assertThat(s.isFree()).isTrue());
    }
}
