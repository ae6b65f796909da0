package io.jenkins.plugins.checks.api;

import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

/** Stub of checks-api's {@code io.jenkins.plugins.checks.api.ChecksPublisherFactory}. */
public abstract class ChecksPublisherFactory implements ExtensionPoint {
    /**
     * Returns a suitable publisher for the run.
     *
     * @param run
     *         a Jenkins run
     * @param listener
     *         a listener for the builds
     * @return a publisher suitable for the job
     */
    public static ChecksPublisher fromRun(final Run<?, ?> run, final TaskListener listener) {
        throw new UnsupportedOperationException();
    }
}
