package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.gpu.GpuStageReport;
import io.jenkins.plugins.cd4ml.gpu.alloc.AllocatedDevice;
import io.jenkins.plugins.cd4ml.gpu.telemetry.GpuUsage;
import io.jenkins.plugins.cd4ml.gpu.telemetry.TelemetryReport;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.steps.support.MlReportsAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuReportsTest {
    private static final AllocatedDevice A100 = new AllocatedDevice("GPU-a", 0, "GPU-a", "", "NVIDIA A100-SXM4-80GB",
            81920);

    private static GpuStageReport report(List<String> warnings) {
        GpuUsage usage = new GpuUsage("GPU-a", 12, 3.5, 20, 1024.0, 2048L, 81920L, 0.75, 1.25, 90.0, 45);
        TelemetryReport telemetry = new TelemetryReport(Instant.parse("2026-11-28T04:00:00Z"),
                Instant.parse("2026-11-28T04:01:00Z"), List.of(usage), 0.75, 1.25, warnings, List.of());
        return new GpuStageReport(List.of(A100), 3_000, telemetry);
    }

    @Test
    void theStageReportIsAVersionedJsonDocumentTheBuildAccepts() throws Exception {
        String json = GpuReports.toJsonText(report(List.of("GPUs idle 75% of the time")));

        JsonNode tree = Json.mapper().readTree(json);
        assertThat(tree.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(tree.get("devices").get(0).get("uuid").asText()).isEqualTo("GPU-a");
        assertThat(tree.get("waitedMillis").asLong()).isEqualTo(3_000);
        assertThat(tree.get("durationSeconds").asDouble()).isEqualTo(60.0);
        assertThat(tree.get("idleShare").asDouble()).isEqualTo(0.75);
        assertThat(tree.get("energyWh").asDouble()).isEqualTo(1.25);
        assertThat(tree.get("idle").asBoolean()).isTrue();
        assertThat(tree.get("telemetry").get("gpus").get(0).get("peakUtilizationPercent").asInt()).isEqualTo(20);

        MlReportsAction action = new MlReportsAction();
        action.put(GpuReports.section("train"), json);
        assertThat(action.getSection("gpu:train")).contains(json);
    }

    @Test
    void aBusyStageIsNotIdle() {
        assertThat(GpuReports.isIdle(report(List.of()))).isFalse();
        assertThat(GpuReports.idleWarning(report(List.of()))).isEmpty();
    }

    @Test
    void sectionIdsAreMadeSafe() {
        assertThat(GpuReports.section("Train model (A100)")).isEqualTo("gpu:Train-model--A100-");
        assertThat(GpuReports.section("  ")).isEqualTo("gpu:stage");
        assertThat(GpuReports.section("x".repeat(300))).hasSize(104);
        new MlReportsAction().put(GpuReports.section("Train model (A100)"), "{\"schemaVersion\":\"1\"}");
    }

    @Test
    void theSummaryHoldsOnlyJdkValues() {
        Map<String, Object> summary = GpuReports.summary(report(List.of("idle")));

        assertThat(summary).containsEntry("devices", List.of("GPU-a")).containsEntry("idleShare", 0.75)
                .containsEntry("energyWh", 1.25).containsEntry("waitedSeconds", 3.0)
                .containsEntry("meanUtilizationPercent", Map.of("GPU-a", 3.5)).containsEntry("warnings", List.of("idle"));
    }
}
