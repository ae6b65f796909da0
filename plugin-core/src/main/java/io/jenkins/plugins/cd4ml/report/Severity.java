package io.jenkins.plugins.cd4ml.report;

import java.util.Locale;

/** How much a failed check matters: a failure fails the build, a warning makes it unstable. */
public enum Severity {
    /** A failed check fails the build ({@link Verdict#FAILED}). */
    FAILURE,
    /** A failed check makes the build unstable ({@link Verdict#UNSTABLE}). */
    WARNING;

    /** @return the verdict a failed check of this severity leads to */
    public Verdict verdictWhenFailed() {
        return this == FAILURE ? Verdict.FAILED : Verdict.UNSTABLE;
    }

    /**
     * Parses {@code failure} or {@code warning}, ignoring case.
     *
     * @param text the text from a user's file
     * @return the severity
     * @throws IllegalArgumentException for any other text
     */
    public static Severity parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "failure", "fail", "error" -> FAILURE;
            case "warning", "warn" -> WARNING;
            default -> throw new IllegalArgumentException(
                    "expected severity 'failure' or 'warning' but found '" + text + "'");
        };
    }
}
