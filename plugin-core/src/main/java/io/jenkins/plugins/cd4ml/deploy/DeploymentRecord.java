package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One deployment, with its timeline: what was asked, what happened, and what serves afterwards (read
 * back from the target). Persisted while it runs so a restarted Jenkins can resume it; shown on the
 * build page; returned by the CLI as JSON. Immutable: every change returns a new record.
 *
 * @param id the deployment's id (deterministic in model, version and environment)
 * @param environment the environment's name
 * @param model the registered model
 * @param version the version being deployed
 * @param previousVersion the version serving before, or {@code null}
 * @param strategy the strategy
 * @param startedAt when it started
 * @param finishedAt when it finished, or {@code null} while in progress
 * @param outcome how it ended, or {@code null} while in progress
 * @param reason why it ended so (alarm, failure reason, refusal), or empty
 * @param serving what the target serves afterwards, or {@code null} while in progress
 * @param events the timeline, oldest first
 */
public record DeploymentRecord(String id, String environment, String model, String version, String previousVersion,
        DeploymentStrategy strategy, Instant startedAt, Instant finishedAt, DeploymentOutcome outcome,
        String reason, ServingState serving, List<DeploymentEvent> events) implements Serializable {
    /** Copies the timeline. */
    public DeploymentRecord {
        events = List.copyOf(events);
        reason = reason == null ? "" : reason;
    }

    /**
     * @param id the id
     * @param request what was asked
     * @param startedAt when
     * @return a record of a deployment that just started
     */
    public static DeploymentRecord start(String id, DeploymentRequest request, Instant startedAt) {
        return new DeploymentRecord(id, request.environment().name(), request.model(), request.version(), null,
                request.strategy(), startedAt, null, null, "", null, List.of());
    }

    /** @return whether the deployment has not finished (a resumable record) */
    public boolean inProgress() {
        return outcome == null;
    }

    /**
     * @param event an event
     * @return this record with the event appended
     */
    public DeploymentRecord with(DeploymentEvent event) {
        List<DeploymentEvent> timeline = new ArrayList<>(events);
        timeline.add(event);
        return new DeploymentRecord(id, environment, model, version, previousVersion, strategy, startedAt,
                finishedAt, outcome, reason, serving, timeline);
    }

    /**
     * @param previous the version serving before the deployment
     * @return this record with the previous version set
     */
    public DeploymentRecord withPrevious(String previous) {
        return new DeploymentRecord(id, environment, model, version, previous, strategy, startedAt,
                finishedAt, outcome, reason, serving, events);
    }

    /**
     * @param result the outcome
     * @param why why
     * @param state what serves afterwards
     * @param at when
     * @return the finished record
     */
    public DeploymentRecord finish(DeploymentOutcome result, String why, ServingState state, Instant at) {
        return new DeploymentRecord(id, environment, model, version, previousVersion, strategy, startedAt, at,
                result, why, state, events);
    }
}
