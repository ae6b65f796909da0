package io.jenkins.plugins.cd4ml.report;

import java.io.Serializable;

/**
 * One row of any cd4ml report in a common shape, so one JUnit, Markdown and HTML renderer serves
 * expectations, drift checks and quality gates alike. Each engine keeps its richer result type and
 * maps it to this for rendering.
 *
 * @param group the report section, e.g. {@code expectations}, {@code drift}, {@code gates}
 * @param name a stable, human-readable name, e.g. {@code age: not_null (mostly 0.99)}
 * @param status the outcome
 * @param severity how much a failure matters
 * @param observed the observed value as shown to users (may be empty)
 * @param threshold the threshold as shown to users (may be empty)
 * @param detail a longer explanation (sample offending rows, error message; may be empty)
 */
public record CheckOutcome(String group, String name, CheckStatus status, Severity severity,
        String observed, String threshold, String detail) implements Serializable {
}
