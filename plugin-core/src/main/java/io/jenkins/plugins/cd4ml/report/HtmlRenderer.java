package io.jenkins.plugins.cd4ml.report;

import java.util.List;

/**
 * A self-contained HTML report: one file, no external assets, no script (its own Content Security
 * Policy forbids any), every user value escaped.
 */
public final class HtmlRenderer {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#f4f4f4}.PASSED{color:#1a7f37}.FAILED{color:#cf222e}.UNSTABLE{color:#9a6700}
            .ERROR{color:#8250df}.verdict{font-weight:bold;font-size:1.1em}.detail{font-size:.9em;color:#555}
            dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}
            """;

    private HtmlRenderer() {
    }

    /**
     * @param document the report
     * @return a complete HTML5 document
     */
    public static String render(ReportDocument document) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(escape(document.title())).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(document.title())).append("</h1>\n")
                .append("<p class=\"verdict ").append(document.verdict()).append("\">")
                .append(escape(TextRenderer.summary(document))).append("</p>\n<dl>\n");
        for (ReportDocument.Fact fact : document.facts()) {
            html.append("<dt>").append(escape(fact.label())).append("</dt><dd>").append(escape(fact.value()))
                    .append("</dd>\n");
        }
        html.append("</dl>\n<table>\n<thead><tr><th>Status</th><th>Check</th><th>Severity</th><th>Observed</th>")
                .append("<th>Expected</th></tr></thead>\n<tbody>\n");
        for (CheckOutcome outcome : document.outcomes()) {
            html.append("<tr><td class=\"").append(outcome.status()).append("\">").append(outcome.status())
                    .append("</td><td>").append(escape(outcome.name()));
            if (outcome.status() != CheckStatus.PASSED && !outcome.detail().isEmpty()) {
                html.append("<div class=\"detail\">").append(escape(outcome.detail())).append("</div>");
            }
            html.append("</td><td>").append(outcome.severity() == null ? "" : outcome.severity().name().toLowerCase(java.util.Locale.ROOT))
                    .append("</td><td>").append(escape(outcome.observed())).append("</td><td>")
                    .append(escape(outcome.threshold())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        for (ReportDocument.Table table : document.tables()) {
            html.append("<h2>").append(escape(table.caption())).append("</h2>\n<table>\n<thead><tr>");
            table.header().forEach(name -> html.append("<th>").append(escape(name)).append("</th>"));
            html.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : table.rows()) {
                html.append("<tr>");
                row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /**
     * @param text user text
     * @return the text with HTML's special characters escaped
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
