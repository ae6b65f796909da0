package io.jenkins.plugins.cd4ml.report;

/**
 * The overall outcome of an evaluation (validation, drift, quality gate, deployment check).
 *
 * <p>{@link #ERROR} means the evaluation could not be carried out (bad or missing input); it is
 * never reported as a pass or a fail. Each verdict has a stable process exit code, documented in
 * {@code docs/cli.md}.
 */
public enum Verdict {
    /** Every check passed. Exit code 0. */
    PASSED(0),
    /** Only warning-level checks failed. Exit code 4. */
    UNSTABLE(4),
    /** At least one failure-level check failed. Exit code 1. */
    FAILED(1),
    /** The evaluation could not be carried out. Exit code 3. */
    ERROR(3);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    /** @return the process exit code the CLI uses for this verdict */
    public int exitCode() {
        return exitCode;
    }

    /**
     * Combines two verdicts: ERROR wins over FAILED, FAILED over UNSTABLE, UNSTABLE over PASSED.
     *
     * @param other the other verdict
     * @return the worse of the two
     */
    public Verdict and(Verdict other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case PASSED -> 0;
            case UNSTABLE -> 1;
            case FAILED -> 2;
            case ERROR -> 3;
        };
    }
}
