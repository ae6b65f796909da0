package io.jenkins.plugins.cd4ml.steps.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gates.datacheck.DriftRun;
import io.jenkins.plugins.cd4ml.gates.quality.BaselineSource;
import io.jenkins.plugins.cd4ml.gates.quality.GateEvaluator;
import io.jenkins.plugins.cd4ml.gates.quality.GateReport;
import io.jenkins.plugins.cd4ml.gates.quality.GatesFileParser;
import io.jenkins.plugins.cd4ml.report.HtmlRenderer;
import io.jenkins.plugins.cd4ml.report.JunitXmlRenderer;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import io.jenkins.plugins.cd4ml.steps.checks.CheckRun;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Hostile column, group and gate names go through the real engines (drift, quality gates) into
 * every place the plugin renders in Java — the self-contained HTML report, JUnit XML, the check
 * run's Markdown — and into the view models and trend charts the Jelly views print escaped.
 */
class HostileNamesThroughEnginesTest {
    private static final List<String> PAYLOADS = List.of("<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "javascript:alert(1)");

    @TempDir
    Path dir;

    @Test
    void hostileColumnNamesOfARealDriftReport() throws Exception {
        Path baseline = Files.writeString(dir.resolve("baseline.csv"), table(0));
        Path current = Files.writeString(dir.resolve("current.csv"), table(500));
        DriftRun run = DriftRun.compare(baseline, current, null);
        assertThat(run.report()).as(String.valueOf(run.error())).isNotNull();

        MlReport report = MlReport.of(Map.of("detectDrift:current", run.toJson().toString()));
        ReportSection section = report.getSections().get(0);
        assertThat(section.getDriftColumns()).extracting(DriftColumn::getColumn).containsAll(PAYLOADS);
        assertThat(section.getChecks()).extracting(CheckRow::getName)
                .anyMatch(name -> name.contains(PAYLOADS.get(0)));

        assertRenderedSafely(run.document());
        MlTrends trends = MlTrends.of(List.of(new MlTrends.BuildReport(1, report), new MlTrends.BuildReport(2, report)));
        assertChartsCarryOnlySafeMarkupValues(trends);
        assertThat(trends.getCharts()).flatExtracting(TrendChart::getLines).extracting(TrendChart.Line::getName)
                .as("series named after hostile columns, printed escaped by Jelly")
                .anyMatch(name -> name.contains(PAYLOADS.get(1)));
    }

    @Test
    void hostileGateAndGroupNamesOfARealGateReport() throws Exception {
        StringBuilder csv = new StringBuilder("id,label,score,prediction,group\n");
        for (int i = 0; i < 200; i++) {
            double score = (i * 37 % 100) / 100.0;
            int label = score > 0.5 ? 1 : 0;
            String group = '"' + PAYLOADS.get(i % PAYLOADS.size()).replace("\"", "\"\"") + '"';
            csv.append(i).append(',').append(label).append(',').append(score).append(',')
                    .append(score >= 0.5 ? 1 : 0).append(',').append(group).append('\n');
        }
        Path predictions = Files.writeString(dir.resolve("preds.csv"), csv);
        Path gates = Files.writeString(dir.resolve("gates.yaml"), """
                task: binary
                columns: {label: label, score: score, prediction: prediction, positive_label: "1"}
                sensitive: [group]
                bootstrap: {resamples: 0}
                gates:
                  - {name: '<script>alert(1)</script>', metric: accuracy, threshold: 0.5}
                  - {name: '"><img src=x onerror=alert(1)>', metric: demographic_parity_ratio, threshold: 0.8}
                """);
        GateReport gate = GateEvaluator.evaluate(GatesFileParser.parse(gates), predictions, BaselineSource.none());

        ReportSection section = MlReport.of(Map.of("qualityGate:m", gate.toJson().toString())).getSections().get(0);
        assertThat(section.getGates()).extracting(GateRow::getName).containsAll(PAYLOADS.subList(0, 2));
        // the per-group matrix of the engine's report: group names as written, printed escaped by Jelly
        assertThat(section.getFairness()).hasSize(1);
        assertThat(section.getFairness().get(0).getRows()).extracting(FairnessMatrix.Row::getGroup)
                .containsExactlyInAnyOrderElementsOf(PAYLOADS);
        MlTrends trends = MlTrends.of(List.of(new MlTrends.BuildReport(1, MlReport.of(Map.of("qualityGate:m",
                gate.toJson().toString())))));
        assertChartsCarryOnlySafeMarkupValues(trends);

        assertRenderedSafely(gate.toDocument());
    }

    /** Every Java renderer escapes: no markup from the names survives, and the XML still parses to them. */
    private static void assertRenderedSafely(ReportDocument document) throws Exception {
        String html = HtmlRenderer.render(document);
        assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;",
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).as("user text has no '<', so every tag is the renderer's own: none has a handler")
                .doesNotContainPattern("<[a-zA-Z][^>]*\\son[a-z]+=");

        CheckRun check = CheckRun.of(CheckRun.name("drift", PAYLOADS.get(0)), document);
        for (String markdown : List.of(check.summary(), check.text())) {
            assertThat(markdown).doesNotContain("<script", "<img");
        }
        assertThat(check.text()).contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;");

        String xml = JunitXmlRenderer.render(document, "cd4ml.test");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document parsed = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList cases = parsed.getElementsByTagName("testcase");
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < cases.getLength(); i++) {
            names.append(cases.item(i).getAttributes().getNamedItem("name").getNodeValue()).append('\n');
        }
        assertThat(names.toString()).contains(PAYLOADS.get(0));
    }

    private static void assertChartsCarryOnlySafeMarkupValues(MlTrends trends) {
        assertThat(trends.getCharts()).isNotEmpty();
        for (TrendChart chart : trends.getCharts()) {
            assertThat(chart.getAnchor()).matches("[A-Za-z0-9-]+");
            assertThat(chart.getViewBox()).matches("[0-9. ]+");
            for (TrendChart.Line line : chart.getLines()) {
                assertThat(line.getCssClass()).matches("[a-z0-9 -]+");
                line.getSegments().forEach(points -> assertThat(points).matches("[0-9., ]+"));
            }
            chart.getYTicks().forEach(tick -> assertThat(tick.getX() + tick.getY()).matches("[0-9.-]+"));
        }
    }

    /** Three numeric columns named by the payloads; {@code shift} moves the current data. */
    private static String table(int shift) {
        Map<String, String> header = new LinkedHashMap<>();
        PAYLOADS.forEach(p -> header.put(p, '"' + p.replace("\"", "\"\"") + '"'));
        StringBuilder csv = new StringBuilder("id," + String.join(",", header.values()) + "\n");
        for (int i = 0; i < 400; i++) {
            csv.append(i);
            for (int c = 0; c < PAYLOADS.size(); c++) {
                csv.append(',').append((i * (c + 3)) % 1000 + shift);
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
