package io.jenkins.plugins.cd4ml.steps.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders the report page's layout from the view models as one self-contained HTML file, for the
 * documentation ({@code docs/samples/ml-report.html}). It mirrors {@code MlReportsAction/index.jelly}
 * and escapes every value as Jelly does. Run {@link #main} from the repository root to regenerate.
 */
final class ReportSamplePage {
    private final StringBuilder html = new StringBuilder();

    private ReportSamplePage() {
    }

    static String render(MlReport report, String css) {
        ReportSamplePage page = new ReportSamplePage();
        page.page(report, css);
        return page.html.toString();
    }

    /** Writes docs/samples/ml-report.html from the test fixtures. */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        String css = Files.readString(root.resolve("steps/src/main/webapp/css/cd4ml.css"));
        Path out = root.resolve("docs/samples/ml-report.html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, render(MlReport.of(Fixtures.allSections()), css), StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
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

    private ReportSamplePage text(String text) {
        html.append(escape(text));
        return this;
    }

    private ReportSamplePage raw(String markup) {
        html.append(markup);
        return this;
    }

    private void badge(Status status) {
        raw("<span class=\"").text(status.getBadgeClass()).raw("\">").text(status.getLabel()).raw("</span>");
    }

    private void page(MlReport report, String css) {
        raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .raw("<title>ML report (sample)</title><style>body{font-family:system-ui,sans-serif;margin:1.5rem;}")
                .raw(css).raw("</style></head><body><div class=\"cd4ml-report\">\n<h1>ML report</h1>\n")
                .raw("<p class=\"cd4ml-verdict\">Overall verdict: ");
        badge(report.getVerdict());
        raw(" <small>(").text(report.getSectionCounts()).raw(")</small></p>\n");
        for (ReportSection section : report.getSections()) {
            section(section);
        }
        raw("</div></body></html>\n");
    }

    private void section(ReportSection section) {
        raw("<section id=\"").text(section.getAnchor()).raw("\"><h2>").text(section.getTitle()).raw(" ");
        badge(section.getVerdict());
        raw("</h2>\n");
        if (!section.getError().isEmpty()) {
            raw("<p>Could not evaluate: ").text(section.getError()).raw("</p>");
        }
        facts(section.getFacts());
        if (section.isShowChecks()) {
            filter(section.getAnchor() + "-checks");
            table(section.getAnchor() + "-checks", "text:Check", "text:Status", "text:Severity", "text:Observed",
                    "text:Threshold", ":Detail");
            for (CheckRow check : section.getChecks()) {
                raw("<tr><td>").text(check.getName()).raw("</td><td>");
                badge(check.getStatus());
                raw("</td><td>").text(check.getSeverity()).raw("</td><td>").text(check.getObserved()).raw("</td><td>")
                        .text(check.getThreshold()).raw("</td><td>").text(check.getDetail());
                if (!check.getSamples().isEmpty()) {
                    raw("<table class=\"cd4ml-samples\"><tr><th>Row</th><th>Line</th><th>Value</th></tr>");
                    for (CheckRow.SampleRow sample : check.getSamples()) {
                        raw("<tr><td>").text(sample.getRow()).raw("</td><td>").text(sample.getLine()).raw("</td><td><code>")
                                .text(sample.getValue()).raw("</code></td></tr>");
                    }
                    raw("</table>");
                }
                raw("</td></tr>\n");
            }
            raw("</tbody></table>\n");
        }
        if (!section.getDriftColumns().isEmpty()) {
            raw("<h3>Drift per column</h3>");
            table(section.getAnchor() + "-columns", "text:Column", "text:Type", ":Metrics");
            for (DriftColumn column : section.getDriftColumns()) {
                raw("<tr><td>").text(column.getColumn()).raw("</td><td>").text(column.getType())
                        .text(column.isExact() ? "" : " (approximate)").raw("</td><td>").text(column.getProblem());
                for (Fact metric : column.getMetrics()) {
                    raw("<code>").text(metric.getLabel() + " = " + metric.getValue()).raw("</code> ");
                }
                raw("</td></tr>\n");
            }
            raw("</tbody></table>\n");
        }
        gates(section);
        if (!section.getLineage().isEmpty()) {
            raw("<h3>Lineage</h3>");
            facts(section.getLineage());
        }
        if (!section.getDeployments().isEmpty()) {
            raw("<ol class=\"cd4ml-timeline\">");
            for (TimelineEvent event : section.getDeployments()) {
                raw("<li><time>").text(event.getTime()).raw("</time> <strong>").text(event.getEnvironment())
                        .raw("</strong> ").text(event.getEvent() + " " + event.getVersion()).raw(" ");
                badge(event.getStatus());
                if (!event.getMessage().isEmpty()) {
                    raw("<br><small>").text(event.getMessage()).raw("</small>");
                }
                raw("</li>\n");
            }
            raw("</ol>\n");
        }
        if (!section.getGpus().isEmpty()) {
            table(section.getAnchor() + "-gpus", "number:GPU", "text:Model", "number:Mean utilisation",
                    "number:Peak utilisation", "number:Peak memory");
            for (GpuRow gpu : section.getGpus()) {
                raw("<tr><td>").text(gpu.getIndex()).raw("</td><td>").text(gpu.getName()).raw("</td><td class=\"cd4ml-num\">")
                        .text(gpu.getMeanUtilization()).raw("</td><td class=\"cd4ml-num\">").text(gpu.getPeakUtilization())
                        .raw("</td><td class=\"cd4ml-num\">").text(gpu.getPeakMemory()).raw("</td></tr>\n");
            }
            raw("</tbody></table>\n");
        }
        raw("</section>\n");
    }

    private void gates(ReportSection section) {
        if (!section.getGates().isEmpty()) {
            filter(section.getAnchor() + "-gates");
            table(section.getAnchor() + "-gates", "text:Gate", "text:Metric", "number:Candidate", "number:Baseline",
                    "number:Delta", ":Confidence interval of the delta", "text:Threshold", "text:Status");
            for (GateRow gate : section.getGates()) {
                raw("<tr><td>").text(gate.getName());
                if (!gate.getDetail().isEmpty()) {
                    raw("<br><small>").text(gate.getDetail()).raw("</small>");
                }
                raw("</td><td>").text(gate.getMetric()).raw("</td><td class=\"cd4ml-num\">").text(gate.getCandidate())
                        .raw("</td><td class=\"cd4ml-num\">").text(gate.getBaseline()).raw("</td><td class=\"cd4ml-num\">")
                        .text(gate.getDelta()).raw("</td><td>");
                GateRow.CiBar bar = gate.getCiBar();
                if (bar != null) {
                    raw("<svg class=\"cd4ml-ci\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\">")
                            .raw("<line class=\"axis\" x1=\"50\" y1=\"0\" x2=\"50\" y2=\"10\"/>")
                            .raw("<rect class=\"interval" + (bar.isBelowZero() ? " below" : "") + "\" x=\"" + bar.getLowPercent()
                                    + "\" y=\"3\" width=\"" + bar.getWidthPercent() + "\" height=\"4\"/>");
                    if (bar.isHasDelta()) {
                        raw("<rect class=\"delta\" x=\"" + (bar.getDeltaPercent() - 0.5) + "\" y=\"1\" width=\"1\" height=\"8\"/>");
                    }
                    raw("</svg> <small>").text(gate.getInterval()).raw("</small>");
                }
                raw("</td><td>").text(gate.getThreshold()).raw("</td><td>");
                badge(gate.getStatus());
                raw("</td></tr>\n");
            }
            raw("</tbody></table>\n");
        }
        for (FairnessMatrix matrix : section.getFairness()) {
            raw("<h3>Fairness by group: ").text(matrix.getAttribute()).raw("</h3><table class=\"cd4ml-table\"><thead><tr><th data-sort=\"text\">Group</th>");
            matrix.getMetrics().forEach(m -> raw("<th data-sort=\"number\">").text(m).raw("</th>"));
            raw("</tr></thead><tbody>");
            for (FairnessMatrix.Row row : matrix.getRows()) {
                raw("<tr><td>").text(row.getGroup()).raw("</td>");
                row.getCells().forEach(c -> raw("<td class=\"cd4ml-num\">").text(c).raw("</td>"));
                raw("</tr>");
            }
            raw("</tbody><tfoot><tr><th>Gap (largest − smallest)</th>");
            matrix.getGapCells().forEach(c -> raw("<th class=\"cd4ml-num\">").text(c).raw("</th>"));
            raw("</tr></tfoot></table>\n");
        }
    }

    /** As the view: a search box that filters the table with that id (cd4ml-tables.js). */
    private void filter(String tableId) {
        raw("<input type=\"search\" class=\"form-control cd4ml-filter\" placeholder=\"Filter\" data-cd4ml-filter=\"")
                .text(tableId).raw("\"/>");
    }

    /**
     * As the view: a sortable table's head.
     *
     * @param columns {@code text:Name}, {@code number:Name} (sortable as text or number) or {@code :Name}
     */
    private void table(String id, String... columns) {
        raw("<table id=\"").text(id).raw("\" class=\"cd4ml-table\"><thead><tr>");
        for (String column : columns) {
            String type = column.substring(0, column.indexOf(':'));
            raw(type.isEmpty() ? "<th>" : "<th data-sort=\"" + type + "\">").text(column.substring(column.indexOf(':') + 1))
                    .raw("</th>");
        }
        raw("</tr></thead><tbody>\n");
    }

    private void facts(java.util.List<Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        raw("<dl class=\"cd4ml-facts\">");
        for (Fact fact : facts) {
            raw("<dt>").text(fact.getLabel()).raw("</dt><dd>").text(fact.getValue()).raw("</dd>");
        }
        raw("</dl>\n");
    }
}
