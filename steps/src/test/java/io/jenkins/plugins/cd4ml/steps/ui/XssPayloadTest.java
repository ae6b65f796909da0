package io.jenkins.plugins.cd4ml.steps.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile names in column, group, gate, model and environment names reach the views exactly as
 * recorded (Jelly escapes them: see {@link ViewFilesSecurityTest}); the only values the views put
 * into attributes unquoted by the user (ids, CSS classes) are built from safe characters.
 */
class XssPayloadTest {
    static Stream<String> payloads() {
        return Stream.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>",
                "javascript:alert(1)", "${7*7}");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void hostileNamesPassThroughUnmodifiedForTheViewsToEscape(String payload) {
        MlReport report = MlReport.of(sectionsNamed(payload));

        ReportSection validation = report.getSections().get(0);
        assertThat(validation.getChecks().get(0).getName()).isEqualTo(payload);
        assertThat(validation.getChecks().get(0).getSamples().get(0).getValue()).isEqualTo(payload);
        ReportSection drift = report.getSections().get(1);
        assertThat(drift.getDriftColumns()).extracting(DriftColumn::getColumn).contains(payload);
        ReportSection gate = report.getSections().get(2);
        assertThat(gate.getGates().get(0).getName()).isEqualTo(payload);
        assertThat(gate.getFairness().get(0).getAttribute()).isEqualTo(payload);
        assertThat(gate.getFairness().get(0).getRows()).extracting(FairnessMatrix.Row::getGroup).contains(payload);
        assertThat(gate.getFairness().get(0).getMetrics()).contains(payload);
        ReportSection model = report.getSections().get(3);
        assertThat(model.getFacts()).extracting(Fact::getValue).contains(payload);
        assertThat(model.getLineage()).extracting(Fact::getValue).contains(payload);
        ReportSection deploy = report.getSections().get(4);
        assertThat(deploy.getDeployments().get(0).getEnvironment()).isEqualTo(payload);

        for (ReportSection section : report.getSections()) {
            assertThat(section.getAnchor()).matches("[A-Za-z0-9-]+");
            assertThat(section.getVerdict().getBadgeClass()).matches("[a-z0-9 -]+");
        }
        MlTrends trends = MlTrends.of(List.of(new MlTrends.BuildReport(1, report), new MlTrends.BuildReport(2, report)));
        for (TrendChart chart : trends.getCharts()) {
            assertThat(chart.getAnchor()).matches("[A-Za-z0-9-]+");
            chart.getLines().forEach(line -> {
                assertThat(line.getCssClass()).matches("[a-z0-9 -]+");
                line.getSegments().forEach(points -> assertThat(points).matches("[0-9., ]+"));
            });
        }
        assertThat(trends.getCharts()).anySatisfy(chart -> assertThat(chart.getTitle()).contains(payload));
    }

    private static Map<String, String> sectionsNamed(String name) {
        Map<String, String> sections = new LinkedHashMap<>();
        ObjectNode validation = Json.mapper().createObjectNode().put("schemaVersion", "1.0")
                .put("kind", "data-validation").put("verdict", "FAILED").put("dataset", name);
        ObjectNode result = validation.putArray("results").addObject().put("name", name).put("status", "FAILED")
                .put("observed", name).put("threshold", name);
        result.putArray("samples").addObject().put("row", 1).put("line", 2).put("value", name);
        sections.put("validateData:a", validation.toString());

        ObjectNode drift = Json.mapper().createObjectNode().put("schemaVersion", "1.0").put("kind", "drift");
        drift.putObject("columns").putObject(name).put("type", "numeric").put("psi", 0.3);
        drift.putArray("checks").addObject().put("column", name).put("metric", "psi").put("value", 0.3)
                .put("status", "FAILED");
        sections.put("detectDrift:b", drift.toString());

        ObjectNode gate = Json.mapper().createObjectNode().put("schemaVersion", "1.0").put("kind", "quality-gate");
        gate.putArray("gates").addObject().put("name", name).put("metric", name).put("candidate", 0.9)
                .put("threshold", "0.8").put("status", "PASSED");
        ObjectNode fairness = gate.putObject("fairness").put("attribute", name);
        fairness.putArray("groups").addObject().put("group", name).putObject("metrics").put(name, 0.5);
        sections.put("qualityGate:c", gate.toString());

        ObjectNode model = Json.mapper().createObjectNode().put("schemaVersion", "1.0").put("kind", "model-version")
                .put("name", name);
        model.putObject("lineage").put("dataset", name);
        sections.put("registerModel", model.toString());

        ObjectNode deploy = Json.mapper().createObjectNode().put("schemaVersion", "1.0").put("kind", "deployment")
                .put("environment", name);
        deploy.putArray("events").addObject().put("event", name).put("status", "PASSED");
        sections.put("deployModel:d", deploy.toString());
        return sections;
    }
}
