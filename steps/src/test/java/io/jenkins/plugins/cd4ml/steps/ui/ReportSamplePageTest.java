package io.jenkins.plugins.cd4ml.steps.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportSamplePageTest {
    @Test
    void rendersEverySectionOfTheSample() {
        String html = ReportSamplePage.render(MlReport.of(Fixtures.allSections()), "");

        assertThat(html).contains("Data validation: train", "debt_ratio: high-debt share", "<code>0.679</code>",
                "Drift per column", "psi = 0.456", "NO BASELINE", "INCONCLUSIVE", "Fairness by group: sex",
                "Registered model", "dataset.sha256", "rolled back", "NVIDIA H100", "class=\"cd4ml-ci\"");
    }

    @Test
    void escapesHostileNames() {
        String payload = "\"><img src=x onerror=alert(1)><script>alert(1)</script>";
        String html = ReportSamplePage.render(MlReport.of(Map.of("validateData:x",
                "{\"schemaVersion\":\"1.0\",\"results\":[{\"name\":\"" + payload.replace("\"", "\\\"")
                        + "\",\"status\":\"FAILED\"}]}")), "");

        assertThat(html).doesNotContain("<img", "<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }
}
