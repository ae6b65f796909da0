package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.report.CheckOutcome;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.Severity;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of one expectation.
 *
 * @param name the expectation's name
 * @param type the expectation type id, e.g. {@code not_null}
 * @param columns the columns it read
 * @param severity how much a failure matters
 * @param status PASSED, FAILED (failure severity), UNSTABLE (warning severity)
 * @param observed what was observed, for people (e.g. {@code 3 of 1000 values (0.3%)})
 * @param threshold what was required, for people (e.g. {@code values in [18, 120]})
 * @param observedValue the observed number (the unexpected fraction for row-level kinds, the statistic
 *     for aggregate kinds); null when there is none
 * @param elementCount the values judged (rows for not_null and table-level kinds)
 * @param unexpectedCount the values that broke a row-level rule (0 for aggregate kinds)
 * @param samples up to the requested number of offending rows, in file order
 */
public record ExpectationResult(String name, String type, List<String> columns, Severity severity,
        CheckStatus status, String observed, String threshold, Double observedValue, long elementCount,
        long unexpectedCount, List<Sample> samples) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the lists so the result is immutable. */
    public ExpectationResult {
        columns = List.copyOf(columns);
        samples = List.copyOf(samples);
    }

    /** @return the common report row for the generic renderers */
    public CheckOutcome toOutcome() {
        String detail = samples.isEmpty() ? "" : "sample rows: " + samples.stream()
                .map(s -> "row " + s.row() + " (line " + s.line() + "): " + (s.value() == null ? "null" : "'" + s.value() + "'"))
                .collect(Collectors.joining("; "));
        return new CheckOutcome("expectations", name, status, severity, observed, threshold, detail);
    }
}
