package io.jenkins.plugins.cd4ml.steps.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jenkins.plugins.cd4ml.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MlReportsActionTest {
    private static String report(String verdict) {
        return "{\"schemaVersion\":\"" + Json.SCHEMA_VERSION + "\",\"verdict\":\"" + verdict + "\"}";
    }

    @Test
    void keepsOneSectionPerStepCallInFirstRecordedOrder() {
        MlReportsAction action = new MlReportsAction();

        action.put("validateData", report("PASSED"));
        action.put("qualityGate:accuracy", report("UNSTABLE"));
        action.put("validateData", report("FAILED"));

        assertThat(action.getSections()).containsExactly(
                java.util.Map.entry("validateData", report("FAILED")),
                java.util.Map.entry("qualityGate:accuracy", report("UNSTABLE")));
        assertThat(action.getSection("qualityGate:accuracy")).contains(report("UNSTABLE"));
        assertThat(action.getSection("registerModel")).isEmpty();
    }

    @Test
    void theSectionsViewIsACopy() {
        MlReportsAction action = new MlReportsAction();
        action.put("validateData", report("PASSED"));

        var before = action.getSections();
        action.put("qualityGate", report("PASSED"));

        assertThat(before).containsOnlyKeys("validateData");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1step", "quality gate", "qualityGate:", "qualityGate:../x", "a:b:c", "<script>"})
    void rejectsMalformedSectionNames(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MlReportsAction().put(name, report("PASSED")))
                .withMessageContaining("section name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1,2]", "{\"verdict\":\"PASSED\"}", "{\"schemaVersion\":null}", "42"})
    void acceptsOnlyVersionedJsonObjects(String json) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MlReportsAction().put("validateData", json))
                .withMessageContaining("validateData");
    }

    @Test
    void hasAStableUrlAndASidebarLinkWithThePluginsIcon() {
        MlReportsAction action = new MlReportsAction();

        assertThat(action.getUrlName()).isEqualTo("cd4ml");
        assertThat(action.getIconFileName()).isEqualTo("/plugin/cd4ml/images/cd4ml.svg");
        assertThat(action.getDisplayName()).isEqualTo("ML report");
        assertThat(action.getRun()).isNull();
    }
}
