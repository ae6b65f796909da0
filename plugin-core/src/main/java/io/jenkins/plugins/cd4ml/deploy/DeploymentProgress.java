package io.jenkins.plugins.cd4ml.deploy;

import java.time.Clock;
import java.time.Duration;

/** Handed to a target during a rollout: records timeline events (persisted at once) and waits. */
public interface DeploymentProgress {
    /**
     * Adds an event to the deployment's timeline.
     *
     * @param phase a short phase name
     * @param message what happened
     */
    void event(String phase, String message);

    /**
     * Waits (bake time, polling); an abort interrupts it.
     *
     * @param duration how long
     * @throws InterruptedException when the deployment is aborted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** @return the clock deadlines are computed with */
    Clock clock();
}
