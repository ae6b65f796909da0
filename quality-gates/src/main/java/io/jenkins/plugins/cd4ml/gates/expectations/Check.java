package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.RowBlock;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;

/**
 * The evaluator of one expectation: sees every row once (constant memory unless documented) and
 * then produces its result.
 */
abstract class Check {
    final Expectation expectation;

    Check(Expectation expectation) {
        this.expectation = expectation;
    }

    /**
     * @param row the current row
     * @throws InvalidInputException when a cell cannot be evaluated at all
     */
    abstract void accept(Row row) throws InvalidInputException;

    /**
     * Sees a block before its rows are passed to {@link #accept} one by one: a check whose per-row
     * work is a cache miss does it here for the whole block in one tight loop, where the misses of
     * consecutive rows overlap.
     *
     * @param block the rows about to be accepted
     */
    void prepare(RowBlock block) {
        // most checks work row by row
    }

    /**
     * @param rows the number of data rows read
     * @return the outcome
     */
    abstract ExpectationResult result(long rows);

    CheckStatus status(boolean held) {
        return held ? CheckStatus.PASSED : CheckStatus.failedAt(expectation.severity());
    }

    static String percent(long part, long whole) {
        if (whole == 0 || part == 0) {
            return "0%";
        }
        String text = String.format(java.util.Locale.ROOT, "%.4g", 100.0 * part / whole);
        if (text.indexOf('.') >= 0 && text.indexOf('e') < 0) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text + "%";
    }
}
