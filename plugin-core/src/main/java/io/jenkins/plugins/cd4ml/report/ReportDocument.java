package io.jenkins.plugins.cd4ml.report;

import java.io.Serializable;
import java.util.List;

/**
 * What every renderer ({@link TextRenderer}, {@link MarkdownRenderer}, {@link HtmlRenderer},
 * {@link JunitXmlRenderer}) draws: a title, the verdict, a few facts (dataset, rows, ...), the
 * check outcomes and any further tables (e.g. metrics per group; Markdown and HTML draw them).
 * Engines map their own result type to this.
 *
 * @param title the report's title, e.g. {@code Data validation: data/train.csv}
 * @param verdict the overall outcome
 * @param facts labelled facts shown under the title, in order
 * @param outcomes one row per check
 * @param tables further tables, shown after the checks
 */
public record ReportDocument(String title, Verdict verdict, List<Fact> facts, List<CheckOutcome> outcomes,
        List<Table> tables) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the lists so the document is immutable. */
    public ReportDocument {
        facts = List.copyOf(facts);
        outcomes = List.copyOf(outcomes);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /**
     * A document without further tables.
     *
     * @param title the report's title
     * @param verdict the overall outcome
     * @param facts labelled facts shown under the title, in order
     * @param outcomes one row per check
     */
    public ReportDocument(String title, Verdict verdict, List<Fact> facts, List<CheckOutcome> outcomes) {
        this(title, verdict, facts, outcomes, List.of());
    }

    /**
     * A table of text cells, e.g. metrics per group.
     *
     * @param caption what the table shows
     * @param header the column names
     * @param rows the rows, each as wide as the header
     */
    public record Table(String caption, List<String> header, List<List<String>> rows) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Copies the lists so the table is immutable, and checks the rows' width. */
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a row of " + row.size() + " cells under a header of "
                            + header.size());
                }
            }
        }
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
