package io.jenkins.plugins.cd4ml.steps.checks;

import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.MarkdownRenderer;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import io.jenkins.plugins.cd4ml.report.TextRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One check run as a gate step publishes it (name, conclusion, title, Markdown summary and text),
 * built from the engine's report without Jenkins, so it is unit-tested as a plain value. The
 * texts are cut to {@link #MAX_MARKDOWN_BYTES} between lines, with a note saying how much is left
 * out: table rows are one line each, so the Markdown stays well-formed.
 *
 * @param name the check's name, unique per step call, e.g. {@code cd4ml / quality gate: credit-risk}
 * @param conclusion how it ended
 * @param title one line, e.g. {@code Verdict: FAILED (3 passed, 1 failed, 0 unstable)}
 * @param summary Markdown: the verdict, the counts and the facts
 * @param text Markdown: the table of checks (gates, expectations, drift checks) and their details
 */
public record CheckRun(String name, CheckConclusion conclusion, String title, String summary, String text) {
    /** GitHub's limit on a check run's {@code output.summary} and {@code output.text} (65 535). */
    public static final int MAX_MARKDOWN_BYTES = 65_535;

    /** A name longer than this is cut: platforms show it in narrow lists. */
    static final int MAX_NAME_CHARS = 100;

    /** A title longer than this is cut (it is one line of counts; only a long id makes it long). */
    static final int MAX_TITLE_CHARS = 255;

    private static final String PREFIX = "cd4ml / ";

    /** Cuts every part to the platforms' limits. */
    public CheckRun {
        Objects.requireNonNull(conclusion, "conclusion");
        name = cut(oneLine(name), MAX_NAME_CHARS);
        title = cut(oneLine(title), MAX_TITLE_CHARS);
        summary = truncate(summary, MAX_MARKDOWN_BYTES);
        text = truncate(text, MAX_MARKDOWN_BYTES);
    }

    /**
     * @param what what the step checks, e.g. {@code quality gate}
     * @param id the call's subject as the user named it (a dataset, a model), or empty
     * @return e.g. {@code cd4ml / quality gate: credit-risk}
     */
    public static String name(String what, String id) {
        return PREFIX + what + (id == null || id.isBlank() ? "" : ": " + id);
    }

    /**
     * @param name the check's name ({@link #name(String, String)})
     * @param document the engine's report
     * @return the check run: the documented conclusion, the Markdown summary, the table of checks and
     *     any further tables (a gate's metrics per group)
     */
    public static CheckRun of(String name, ReportDocument document) {
        CheckConclusion conclusion = conclusion(document);
        StringBuilder summary = new StringBuilder(MarkdownRenderer.renderSummary(document));
        String why = explanation(document, conclusion);
        if (!why.isEmpty()) {
            summary.append('\n').append(why).append('\n');
        }
        return new CheckRun(name, conclusion, title(document), summary.toString(),
                MarkdownRenderer.renderTable(document) + MarkdownRenderer.renderTables(document));
    }

    /**
     * The documented mapping: FAILED and ERROR → FAILURE; UNSTABLE → NEUTRAL; PASSED → NEUTRAL
     * when a check has no baseline or is inconclusive, else SUCCESS.
     *
     * @param document the engine's report
     * @return the conclusion
     */
    public static CheckConclusion conclusion(ReportDocument document) {
        return switch (document.verdict()) {
            case FAILED, ERROR -> CheckConclusion.FAILURE;
            case UNSTABLE -> CheckConclusion.NEUTRAL;
            case PASSED -> uncompared(document) > 0 ? CheckConclusion.NEUTRAL : CheckConclusion.SUCCESS;
        };
    }

    private static long uncompared(ReportDocument document) {
        return document.count(CheckStatus.NO_BASELINE) + document.count(CheckStatus.INCONCLUSIVE);
    }

    private static String title(ReportDocument document) {
        StringBuilder title = new StringBuilder(TextRenderer.summary(document));
        if (document.count(CheckStatus.NO_BASELINE) > 0) {
            title.append(", ").append(document.count(CheckStatus.NO_BASELINE)).append(" without baseline");
        }
        if (document.count(CheckStatus.INCONCLUSIVE) > 0) {
            title.append(", ").append(document.count(CheckStatus.INCONCLUSIVE)).append(" inconclusive");
        }
        return title.toString();
    }

    private static String explanation(ReportDocument document, CheckConclusion conclusion) {
        if (conclusion != CheckConclusion.NEUTRAL) {
            return "";
        }
        return switch (document.verdict()) {
            case UNSTABLE -> "_Neutral: only warning-level checks failed; the build is UNSTABLE._";
            default -> "_Neutral: " + uncompared(document) + " check(s) passed without the comparison they ask for"
                    + " (no baseline, e.g. a first model, or too little evidence)._";
        };
    }

    /**
     * Cuts Markdown to at most {@code maxBytes} UTF-8 bytes at a line end and says how many lines
     * were left out.
     *
     * @param markdown Markdown text
     * @param maxBytes the limit
     * @return the text, unchanged when it fits
     */
    static String truncate(String markdown, int maxBytes) {
        String text = markdown == null ? "" : markdown;
        if (utf8Length(text) <= maxBytes) {
            return text;
        }
        String[] lines = text.split("(?<=\n)");
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        int count = 0;
        // room for the note, whose number has at most 10 digits
        int budget = maxBytes - utf8Length(note(Integer.MAX_VALUE));
        for (String line : lines) {
            int length = utf8Length(line);
            if (bytes + length > budget) {
                break;
            }
            kept.append(line);
            bytes += length;
            count++;
        }
        if (kept.length() > 0 && kept.charAt(kept.length() - 1) != '\n') {
            kept.append('\n');
        }
        return kept.append(note(lines.length - count)).toString();
    }

    private static String note(int omitted) {
        return "\n_… " + omitted + " more line(s) not shown: the build's ML report has them all._\n";
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip();
    }

    private static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars - 1) + "…";
    }
}
