package io.jenkins.plugins.cd4ml.steps.checks;

/**
 * How a cd4ml check run ends on the SCM platform (e.g. a GitHub check run). Only three of the
 * Checks API's conclusions are used; {@code ACTION_REQUIRED} never is, since a gate asks for no
 * action on the platform. The mapping is documented in {@code docs/reports.md} ("Checks").
 */
public enum CheckConclusion {
    /** Every check passed and was compared with what it should be compared with. */
    SUCCESS,
    /**
     * Warning-level checks failed (the build is UNSTABLE), or a check passed without the
     * comparison it asks for (NO_BASELINE: a first model; INCONCLUSIVE: too little evidence).
     */
    NEUTRAL,
    /** A failure-level check failed, or the checks could not be evaluated (ERROR). */
    FAILURE
}
