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

    /** The sample carries the view's sortable headers and filters, so bench/ui's browser check tests the real markup. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"checks, validateData-train", "gates, qualityGate-release",
        "columns, detectDrift-today", "gpus, gpu-train"})
    void mirrorsTheViewsSortableTablesAndFilters(String table, String section) throws Exception {
        String jelly = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/main/resources/io/jenkins/plugins/cd4ml/steps/support/MlReportsAction/index.jelly"));
        String html = ReportSamplePage.render(MlReport.of(Fixtures.allSections()), "");

        assertThat(headers(html, "cd4ml-" + section + "-" + table))
                .isEqualTo(headers(jelly, "${section.anchor}-" + table)).isNotEmpty();
        assertThat(jelly.contains("data-cd4ml-filter=\"${section.anchor}-" + table + "\""))
                .isEqualTo(html.contains("data-cd4ml-filter=\"cd4ml-" + section + "-" + table + "\""));
    }

    /** @return the sort type of each header cell of the table with that id ("" for unsortable) */
    private static java.util.List<String> headers(String markup, String tableId) {
        int start = markup.indexOf("<table id=\"" + tableId + "\"");
        assertThat(start).as(tableId).isNotNegative();
        String head = markup.substring(start, markup.indexOf("</thead>", start));
        java.util.regex.Matcher th = java.util.regex.Pattern.compile("<th(?: data-sort=\"(\\w+)\")?>").matcher(head);
        java.util.List<String> types = new java.util.ArrayList<>();
        while (th.find()) {
            types.add(th.group(1) == null ? "" : th.group(1));
        }
        return types;
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
