package io.jenkins.plugins.checks.api;

/** Stub of checks-api's {@code io.jenkins.plugins.checks.api.ChecksPublisher}. */
public abstract class ChecksPublisher {
    /**
     * Publishes checks to platforms.
     *
     * @param details
     *         the details of a check
     */
    public abstract void publish(ChecksDetails details);
}
