package io.jenkins.plugins.cd4ml.report;

import java.io.Serializable;
import java.util.List;

/**
 * What every renderer ({@link TextRenderer}, {@link MarkdownRenderer}, {@link HtmlRenderer},
 * {@link JunitXmlRenderer}) draws: a title, the verdict, a few facts (dataset, rows, ...) and the
 * check outcomes. Engines map their own result type to this.
 *
 * @param title the report's title, e.g. {@code Data validation: data/train.csv}
 * @param verdict the overall outcome
 * @param facts labelled facts shown under the title, in order
 * @param outcomes one row per check
 */
public record ReportDocument(String title, Verdict verdict, List<Fact> facts, List<CheckOutcome> outcomes)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the lists so the document is immutable. */
    public ReportDocument {
        facts = List.copyOf(facts);
        outcomes = List.copyOf(outcomes);
    }

    /**
     * A labelled fact, e.g. {@code rows: 1000}.
     *
     * @param label the label
     * @param value the value
     */
    public record Fact(String label, String value) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * @param status a status
     * @return how many outcomes have it
     */
    public long count(CheckStatus status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
