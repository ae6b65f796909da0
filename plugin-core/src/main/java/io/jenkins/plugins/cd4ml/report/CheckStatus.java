package io.jenkins.plugins.cd4ml.report;

/**
 * The state of one check (an expectation, a drift check, a quality gate), shared by every report
 * so that Jenkins, the CLI, JUnit and Markdown outputs use one vocabulary.
 */
public enum CheckStatus {
    /** The check passed. */
    PASSED,
    /** A warning-level check failed. */
    UNSTABLE,
    /** A failure-level check failed. */
    FAILED,
    /** Not enough evidence to decide (too few rows, a confidence interval straddling the threshold). */
    INCONCLUSIVE,
    /** There is no baseline to compare with (a first model); the policy decides what it means. */
    NO_BASELINE,
    /** The check could not be evaluated (missing column, bad file); never a pass or a fail. */
    ERROR;

    /**
     * The status of a check that did not hold.
     *
     * @param severity the check's severity
     * @return FAILED for a failure-level check, UNSTABLE for a warning-level one
     */
    public static CheckStatus failedAt(Severity severity) {
        return severity == Severity.FAILURE ? FAILED : UNSTABLE;
    }

    /**
     * How this status contributes to the overall verdict. INCONCLUSIVE and NO_BASELINE are mapped
     * by the caller's policy before this point; on their own they count as PASSED.
     *
     * @return the verdict this status alone leads to
     */
    public Verdict toVerdict() {
        return switch (this) {
            case PASSED, INCONCLUSIVE, NO_BASELINE -> Verdict.PASSED;
            case UNSTABLE -> Verdict.UNSTABLE;
            case FAILED -> Verdict.FAILED;
            case ERROR -> Verdict.ERROR;
        };
    }
}
