package io.jenkins.plugins.cd4ml.steps.config;

/**
 * What a gate that compares with the serving model does when nothing serves yet (the first
 * release). The report always says {@code NO_BASELINE}; this picks the build result.
 */
public enum NoBaselinePolicy {
    /** The build goes on as if the comparison passed. */
    PASS,
    /** The build goes on, marked unstable. */
    UNSTABLE,
    /** The build fails. */
    FAIL
}
