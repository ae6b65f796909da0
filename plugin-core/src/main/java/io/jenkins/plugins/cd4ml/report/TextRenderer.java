package io.jenkins.plugins.cd4ml.report;

/** Plain text for terminals and build logs: one line per check, failures with their samples. */
public final class TextRenderer {
    private TextRenderer() {
    }

    /**
     * @param document the report
     * @return the text, ending with a newline
     */
    public static String render(ReportDocument document) {
        StringBuilder text = new StringBuilder();
        text.append(document.title()).append('\n');
        for (ReportDocument.Fact fact : document.facts()) {
            text.append("  ").append(fact.label()).append(": ").append(fact.value()).append('\n');
        }
        text.append('\n');
        for (CheckOutcome outcome : document.outcomes()) {
            text.append(String.format("%-9s %s%n", outcome.status(), outcome.name()));
            if (!outcome.observed().isEmpty()) {
                text.append("          observed: ").append(outcome.observed()).append('\n');
            }
            if (!outcome.threshold().isEmpty()) {
                text.append("          expected: ").append(outcome.threshold()).append('\n');
            }
            if (outcome.status() != CheckStatus.PASSED && !outcome.detail().isEmpty()) {
                text.append("          ").append(outcome.detail()).append('\n');
            }
        }
        text.append('\n').append(summary(document)).append('\n');
        return text.toString();
    }

    /**
     * @param document the report
     * @return e.g. {@code Verdict: FAILED (10 passed, 2 failed, 1 unstable)}
     */
    public static String summary(ReportDocument document) {
        return "Verdict: " + document.verdict() + " (" + document.count(CheckStatus.PASSED) + " passed, "
                + document.count(CheckStatus.FAILED) + " failed, " + document.count(CheckStatus.UNSTABLE)
                + " unstable" + (document.count(CheckStatus.ERROR) > 0 ? ", " + document.count(CheckStatus.ERROR)
                + " could not be evaluated" : "") + ")";
    }
}
