package io.jenkins.plugins.cd4ml.deploy;

import java.io.Serializable;

/**
 * What a target saw while rolling out. It explains the outcome (which alarm, which failure) but does
 * not decide it: the engine decides from the {@link ServingState} read back afterwards.
 *
 * @param rollbackAttempted whether the new version took traffic and a rollback was started
 *     (by the target's automation or by cd4ml)
 * @param reason why it rolled back or failed (alarm name and value, failure reason), or empty
 */
public record RolloutResult(boolean rollbackAttempted, String reason) implements Serializable {
    /** Normalizes the reason. */
    public RolloutResult {
        reason = reason == null ? "" : reason;
    }

    /** @return a rollout that finished without incident */
    public static RolloutResult completed() {
        return new RolloutResult(false, "");
    }

    /**
     * @param reason the alarm or failure
     * @return a rollout that was rolled back
     */
    public static RolloutResult rolledBack(String reason) {
        return new RolloutResult(true, reason);
    }

    /**
     * @param reason the failure
     * @return a rollout that failed before the new version took traffic
     */
    public static RolloutResult failed(String reason) {
        return new RolloutResult(false, reason);
    }
}
