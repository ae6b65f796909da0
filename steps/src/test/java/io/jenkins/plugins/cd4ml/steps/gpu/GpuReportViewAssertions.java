package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gpu.GpuStageReport;
import io.jenkins.plugins.cd4ml.gpu.alloc.AllocatedDevice;
import io.jenkins.plugins.cd4ml.gpu.telemetry.GpuUsage;
import io.jenkins.plugins.cd4ml.steps.ui.GpuRow;
import io.jenkins.plugins.cd4ml.steps.ui.ReportSection;

/** The report page shows what the engine measured for every allocated device. */
final class GpuReportViewAssertions {
    private GpuReportViewAssertions() {
    }

    static void showsEveryDevice(ReportSection section, GpuStageReport report) {
        assertThat(section.getGpus()).hasSameSizeAs(report.devices());
        for (int i = 0; i < report.devices().size(); i++) {
            AllocatedDevice device = report.devices().get(i);
            GpuRow row = section.getGpus().get(i);
            GpuUsage usage = report.telemetry().gpus().stream().filter(u -> u.uuid().equals(device.gpuUuid()))
                    .findFirst().orElseThrow(() -> new AssertionError("no telemetry for " + device.gpuUuid()));
            assertThat(row.getIndex()).startsWith(Integer.toString(device.gpuIndex()));
            assertThat(row.getName()).isEqualTo(device.name());
            assertThat(row.getMeanUtilization()).isNotEmpty().endsWith(" %")
                    .startsWith(Long.toString((long) Math.floor(usage.meanUtilizationPercent())));
            assertThat(row.getPeakUtilization()).isEqualTo(usage.peakUtilizationPercent() + " %");
            assertThat(row.getPeakMemory()).isEqualTo(usage.peakMemoryUsedMiB() + " MiB");
        }
    }
}
