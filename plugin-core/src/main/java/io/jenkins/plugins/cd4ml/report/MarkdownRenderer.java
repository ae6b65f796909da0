package io.jenkins.plugins.cd4ml.report;

import java.util.List;

/** A Markdown summary for pull requests and job summaries; every user value is escaped. */
public final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    /**
     * @param document the report
     * @return GitHub-flavoured Markdown
     */
    public static String render(ReportDocument document) {
        return renderSummary(document) + "\n" + renderTable(document) + renderTables(document);
    }

    /**
     * The further tables of a document (e.g. metrics per group), each under its caption.
     *
     * @param document the report
     * @return GitHub-flavoured Markdown, empty without tables
     */
    public static String renderTables(ReportDocument document) {
        StringBuilder md = new StringBuilder();
        for (ReportDocument.Table table : document.tables()) {
            md.append("\n### ").append(escape(table.caption())).append("\n\n|");
            table.header().forEach(name -> md.append(' ').append(escape(name)).append(" |"));
            md.append("\n|").append(" --- |".repeat(table.header().size())).append('\n');
            for (List<String> row : table.rows()) {
                md.append('|');
                row.forEach(cell -> md.append(' ').append(escape(cell)).append(" |"));
                md.append('\n');
            }
        }
        return md.toString();
    }

    /**
     * The head of {@link #render}: title with the verdict's icon, the counts and the facts (e.g. a
     * check run's summary).
     *
     * @param document the report
     * @return GitHub-flavoured Markdown
     */
    public static String renderSummary(ReportDocument document) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(icon(document.verdict())).append(' ').append(escape(document.title())).append("\n\n");
        md.append("**").append(TextRenderer.summary(document)).append("**\n\n");
        for (ReportDocument.Fact fact : document.facts()) {
            md.append("- ").append(escape(fact.label())).append(": ").append(escape(fact.value())).append('\n');
        }
        return md.toString();
    }

    /**
     * The body of {@link #render}: one table row per check (one line each, so the text can be cut
     * between lines), then the details of the checks that did not pass.
     *
     * @param document the report
     * @return GitHub-flavoured Markdown
     */
    public static String renderTable(ReportDocument document) {
        StringBuilder md = new StringBuilder();
        md.append("| Status | Check | Observed | Expected |\n| --- | --- | --- | --- |\n");
        for (CheckOutcome outcome : document.outcomes()) {
            md.append("| ").append(icon(outcome.status())).append(' ').append(outcome.status()).append(" | ")
                    .append(escape(outcome.name())).append(" | ").append(escape(outcome.observed())).append(" | ")
                    .append(escape(outcome.threshold())).append(" |\n");
        }
        boolean details = false;
        for (CheckOutcome outcome : document.outcomes()) {
            if (outcome.status() != CheckStatus.PASSED && !outcome.detail().isEmpty()) {
                if (!details) {
                    md.append("\n### Details\n\n");
                    details = true;
                }
                md.append("- **").append(escape(outcome.name())).append("**: ").append(escape(outcome.detail())).append('\n');
            }
        }
        return md.toString();
    }

    private static String icon(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> "✅";
            case UNSTABLE -> "⚠️";
            case FAILED -> "❌";
            case ERROR -> "⛔";
        };
    }

    private static String icon(CheckStatus status) {
        return icon(status.toVerdict());
    }

    /**
     * Escapes Markdown and HTML syntax so user text shows as written and cannot inject markup.
     *
     * @param text user text
     * @return the escaped text on one line
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '!', '|', '~' ->
                        out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
