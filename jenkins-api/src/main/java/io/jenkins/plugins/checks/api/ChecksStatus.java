package io.jenkins.plugins.checks.api;

/** Stub of checks-api's {@code io.jenkins.plugins.checks.api.ChecksStatus} (all constants, in the real order). */
public enum ChecksStatus {
    NONE, QUEUED, IN_PROGRESS, COMPLETED
}
