package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A row-level expectation: counts the values it judges and those that break the rule, keeps the
 * first offending rows as samples, and passes when at least {@code mostly} of the judged values
 * hold.
 */
class RowCheck extends Check {
    /** The rule applied to one cell. */
    @FunctionalInterface
    interface Rule {
        /** The cell holds the rule. */
        int HOLDS = 1;
        /** The cell breaks the rule. */
        int BREAKS = 0;
        /** The cell is not judged (null, or counted by another check). */
        int SKIP = -1;

        /**
         * @param row the row
         * @return {@link #HOLDS}, {@link #BREAKS} or {@link #SKIP}
         * @throws InvalidInputException when the cell cannot be evaluated
         */
        int test(Row row) throws InvalidInputException;
    }

    private final Rule rule;
    private final String requirement;
    private final int column;
    private final int maxSamples;
    private final List<Sample> samples = new ArrayList<>();
    long elements;
    long unexpected;

    RowCheck(Expectation expectation, int column, int maxSamples, String requirement, Rule rule) {
        super(expectation);
        this.column = column;
        this.maxSamples = maxSamples;
        this.requirement = requirement;
        this.rule = rule;
    }

    @Override
    void accept(Row row) throws InvalidInputException {
        int outcome = rule.test(row);
        if (outcome == Rule.SKIP) {
            return;
        }
        elements++;
        if (outcome == Rule.BREAKS) {
            unexpected++;
            if (samples.size() < maxSamples) {
                samples.add(new Sample(row.number(), row.line(), shown(row)));
            }
        }
    }

    /** @return the offending value as shown in samples */
    String shown(Row row) {
        return abbreviate(row.text(column));
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }

    @Override
    ExpectationResult result(long rows) {
        double mostly = expectation.mostly();
        boolean held = unexpected == 0 || (elements - unexpected) >= mostly * elements - 1e-9 * elements;
        String observed = unexpected + " unexpected of " + elements + " " + noun() + " ("
                + percent(unexpected, elements) + ")";
        String threshold = requirement + (mostly < 1 ? " for at least " + percent(Math.round(mostly * 1e6), 1_000_000)
                + " of " + noun() : "");
        Double fraction = elements == 0 ? 0.0 : (double) unexpected / elements;
        return new ExpectationResult(expectation.name(), expectation.type().id(), expectation.columns(),
                expectation.severity(), status(held), observed, threshold, fraction, elements, unexpected, samples);
    }

    String noun() {
        return "values";
    }
}
