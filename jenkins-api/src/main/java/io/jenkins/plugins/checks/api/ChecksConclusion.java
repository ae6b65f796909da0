package io.jenkins.plugins.checks.api;

/**
 * Stub of checks-api's {@code io.jenkins.plugins.checks.api.ChecksConclusion} (all constants, in
 * the real order).
 */
public enum ChecksConclusion {
    NONE, ACTION_REQUIRED, SKIPPED, CANCELED, TIME_OUT, FAILURE, NEUTRAL, SUCCESS
}
