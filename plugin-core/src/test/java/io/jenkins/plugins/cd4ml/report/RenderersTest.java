package io.jenkins.plugins.cd4ml.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class RenderersTest {
    private static final String HOSTILE = "<script>alert('x')</script> | **bold** \u0001 \"q\" & 😀";

    private static ReportDocument document() {
        return new ReportDocument("Data validation: " + HOSTILE, Verdict.FAILED,
                List.of(new ReportDocument.Fact("dataset", HOSTILE), new ReportDocument.Fact("rows", "3")),
                List.of(new CheckOutcome("expectations", "a: not_null", CheckStatus.PASSED, Severity.FAILURE,
                                "0 unexpected", "non-null", ""),
                        new CheckOutcome("expectations", HOSTILE, CheckStatus.FAILED, Severity.FAILURE,
                                "2 unexpected", "values in [0, 1]", "sample rows: row 2 (line 3): '" + HOSTILE + "'"),
                        new CheckOutcome("expectations", "c: regex", CheckStatus.UNSTABLE, Severity.WARNING,
                                "1 unexpected", "/x/", ""),
                        new CheckOutcome("expectations", "input", CheckStatus.ERROR, Severity.FAILURE, "", "",
                                "data.csv:3:2: broken")));
    }

    @Test
    void htmlIsSelfContainedEscapedAndScriptFree() {
        String html = HtmlRenderer.render(document());
        assertThat(html).startsWith("<!DOCTYPE html>").contains("default-src 'none'")
                .doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").contains("1 failed, 1 unstable");
    }

    @Test
    void junitHasOneTestCasePerCheckWithFailuresAndErrors() throws Exception {
        String xml = JunitXmlRenderer.render(document(), "cd4ml.validate");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document dom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = dom.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(dom.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(dom.getElementsByTagName("failure").getLength()).isEqualTo(2);
        Element second = (Element) dom.getElementsByTagName("testcase").item(1);
        assertThat(second.getAttribute("name")).isEqualTo(HOSTILE.replace('\u0001', '\uFFFD'));
        assertThat(((Element) dom.getElementsByTagName("error").item(0)).getAttribute("message"))
                .isEqualTo("data.csv:3:2: broken");
    }

    @Test
    void markdownEscapesTableBreakingAndMarkupCharacters() {
        String md = MarkdownRenderer.render(document());
        assertThat(md).contains("❌").contains("\\| \\*\\*bold\\*\\*").contains("&lt;script&gt;")
                .doesNotContain("<script");
        long tableRows = md.lines().filter(line -> line.startsWith("| ")).count();
        assertThat(tableRows).isEqualTo(2 + 4); // header, separator, one per check
    }

    @Test
    void furtherTablesAreDrawnEscapedInMarkdownAndHtml() {
        ReportDocument base = document();
        ReportDocument withTable = new ReportDocument(base.title(), base.verdict(), base.facts(), base.outcomes(),
                List.of(new ReportDocument.Table("by " + HOSTILE, List.of("group", "rows", "accuracy"),
                        List.of(List.of("female", "40", "0.8000 / 0.7500"), List.of(HOSTILE, "2", "undefined")))));

        String md = MarkdownRenderer.render(withTable);
        String html = HtmlRenderer.render(withTable);

        assertThat(md).contains("### by &lt;script&gt;").contains("| group | rows | accuracy |\n| --- | --- | --- |\n")
                .contains("| female | 40 | 0.8000 / 0.7500 |").doesNotContain("<script");
        long tableRows = md.lines().filter(line -> line.startsWith("| ")).count();
        assertThat(tableRows).isEqualTo(2 + 4 + 2 + 2); // checks: header, separator, 4; groups: the same, 2
        assertThat(html).contains("<h2>by &lt;script&gt;").contains("<th>accuracy</th>")
                .contains("<td>0.8000 / 0.7500</td>").doesNotContain("<script");
        assertThat(MarkdownRenderer.render(base)).doesNotContain("###  ").doesNotContain("| group |");
    }

    @Test
    void aTableRowMustBeAsWideAsItsHeader() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReportDocument.Table("t", List.of("a", "b"),
                List.of(List.of("1")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textListsEveryCheckAndTheSummary() {
        String text = TextRenderer.render(document());
        assertThat(text).contains("PASSED    a: not_null").contains("UNSTABLE  c: regex")
                .endsWith("Verdict: FAILED (1 passed, 1 failed, 1 unstable, 1 could not be evaluated)\n");
    }
}
