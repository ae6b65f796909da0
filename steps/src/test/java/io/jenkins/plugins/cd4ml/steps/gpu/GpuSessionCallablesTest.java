package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.gpu.GpuSession;
import io.jenkins.plugins.cd4ml.gpu.GpuStageReport;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocationException;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuLease;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.jenkins.plugins.cd4ml.steps.ui.MlReport;
import io.jenkins.plugins.cd4ml.steps.ui.ReportSection;
import io.jenkins.plugins.cd4ml.steps.ui.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent side of {@code withGpus}: allocate on a recorded T4 machine, then finish by lease id. */
class GpuSessionCallablesTest {
    @TempDir
    Path locks;

    @TempDir
    File workspace;

    @Test
    void allocatesTheFreeGpuSetsItsVariablesAndFinishesByLeaseId() throws Exception {
        GpuAgent agent = RecordedGpus.agent(locks);
        GpuLease lease = agent.open(new GpuAsk(1, 16, 0), "nightly #7", line -> { }).lease();

        assertThat(lease.environment()).containsEntry("CUDA_VISIBLE_DEVICES", RecordedGpus.T4_UUID)
                .containsEntry("NVIDIA_VISIBLE_DEVICES", RecordedGpus.T4_UUID).containsEntry("CD4ML_GPU_COUNT", "1");
        Thread.sleep(100); // a few telemetry samples

        GpuStageReport report = new FinishGpusCallable(lease.id()).invoke(workspace, null);

        assertThat(report).isNotNull();
        assertThat(report.devices()).extracting(d -> d.uuid()).containsExactly(RecordedGpus.T4_UUID);
        assertThat(report.telemetry().idleShare()).isEqualTo(1.0);
        assertThat(GpuReports.isIdle(report)).as("0 % utilization in every sample").isTrue();
        ReportSection section = MlReport.of(Map.of(GpuReports.section("train"), GpuReports.toJsonText(report)))
                .getSections().get(0);
        assertThat(section.getTitle()).isEqualTo("GPU usage: train");
        assertThat(section.getVerdict()).as("idle GPUs mark the stage").isEqualTo(Status.UNSTABLE);
        GpuReportViewAssertions.showsEveryDevice(section, report);
        assertThat(new FinishGpusCallable(lease.id()).invoke(workspace, null)).as("finishing twice").isNull();
        // released: the next build gets the GPU at once
        GpuSession again = agent.open(new GpuAsk(1, 0, 0), "nightly #8", line -> { });
        again.close();
    }

    @Test
    void aBusyGpuFailsARequestThatWillNotWaitNamingTheHolder() throws Exception {
        GpuAgent agent = RecordedGpus.agent(locks);
        try (GpuSession held = agent.open(new GpuAsk(1, 0, 0), "nightly #7", line -> { })) {
            List<String> queue = new ArrayList<>();
            GpuAsk ask = new GpuAsk(1, 0, 0);

            assertThatThrownBy(() -> agent.open(ask, "nightly #8", queue::add))
                    .isInstanceOf(GpuAllocationException.class)
                    .hasMessageContaining("held by nightly #7");
            assertThat(held.lease().devices()).hasSize(1);
        }
    }

    @Test
    void aRequestTheAgentCanNeverServeFailsAtOnce() {
        GpuAgent agent = RecordedGpus.agent(locks);

        assertThatThrownBy(() -> agent.open(new GpuAsk(2, 0, 10), "nightly #7", line -> { }))
                .isInstanceOf(GpuAllocationException.class)
                .hasMessageContaining("cannot serve 2 GPU(s)");
        assertThatThrownBy(() -> agent.open(new GpuAsk(1, 80, 10), "nightly #7", line -> { }))
                .isInstanceOf(GpuAllocationException.class)
                .hasMessageContaining("at least 80 GB");
    }

    @Test
    void theCallablesTravelToTheAgent() throws Exception {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(new AllocateGpusCallable(new GpuAsk(1, 0, 0), "job #1",
                    new LogSink(new BufferListener(), "withGpus: ")));
            out.writeObject(new FinishGpusCallable("lease"));
        }
    }

    @Test
    void theLogSinkPrefixesEachLine() {
        BufferListener listener = new BufferListener();
        LogSink sink = new LogSink(listener, "withGpus: ");

        sink.accept("Waiting for 1 GPU(s)");
        sink.accept("second");

        assertThat(listener.text().lines()).containsExactly("withGpus: Waiting for 1 GPU(s)", "withGpus: second");
    }
}
