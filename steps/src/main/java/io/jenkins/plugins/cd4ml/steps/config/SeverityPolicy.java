package io.jenkins.plugins.cd4ml.steps.config;

/** How the steps treat each check's severity unless a step says otherwise. */
public enum SeverityPolicy {
    /** Failures fail the build, warnings make it unstable (as declared in the files). */
    AS_DECLARED,
    /** Warnings fail the build too (strict release branches). */
    WARNINGS_FAIL
}
