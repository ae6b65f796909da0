package io.jenkins.plugins.cd4ml.cli;

import io.jenkins.plugins.cd4ml.report.Verdict;

/**
 * The stable exit codes of every {@code cd4ml} command (documented in {@code docs/cli.md}).
 * Codes for verdicts come from {@link Verdict#exitCode()}, so a verdict means the same in Jenkins
 * and on the command line.
 */
public final class ExitCodes {
    /** Every check passed. */
    public static final int PASSED = Verdict.PASSED.exitCode();
    /** A failure-level check failed. */
    public static final int FAILED = Verdict.FAILED.exitCode();
    /** The command line was wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** The input could not be evaluated (bad or missing file); never a pass or fail. */
    public static final int ERROR = Verdict.ERROR.exitCode();
    /** Only warning-level checks failed. */
    public static final int UNSTABLE = Verdict.UNSTABLE.exitCode();

    private ExitCodes() {
    }
}
