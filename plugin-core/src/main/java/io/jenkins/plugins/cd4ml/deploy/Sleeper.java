package io.jenkins.plugins.cd4ml.deploy;

import java.time.Duration;

/** Waits; injected so tests bake for no time and so abort (interrupt) stops a wait at once. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the calling thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /**
     * @param duration how long
     * @throws InterruptedException when the deployment is aborted
     */
    void sleep(Duration duration) throws InterruptedException;
}
