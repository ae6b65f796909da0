package io.jenkins.plugins.cd4ml.deploy;

/**
 * Decides a deployment's outcome from what serves afterwards (read back), with the rollout's own
 * report only as the explanation. A pure function, so every rule is tested on its own.
 */
public final class OutcomeClassifier {
    /**
     * An outcome with its reason.
     *
     * @param outcome the outcome
     * @param reason why, for people
     */
    public record Decision(DeploymentOutcome outcome, String reason) {
    }

    private OutcomeClassifier() {
    }

    /**
     * @param version the version that was deployed
     * @param previous the version that served before, or {@code null}
     * @param rollout what the target saw while rolling out
     * @param after what serves now
     * @return the outcome
     */
    public static Decision classify(String version, String previous, RolloutResult rollout, ServingState after) {
        if (after.servesOnly(version)) {
            return new Decision(DeploymentOutcome.DEPLOYED, "version " + version + " verified serving 100 % of traffic");
        }
        String explanation = firstOf(rollout.reason(), after.detail());
        if (previous != null && !previous.equals(version) && after.servesOnly(previous)) {
            if (rollout.rollbackAttempted()) {
                return new Decision(DeploymentOutcome.ROLLED_BACK, firstOf(explanation, "rolled back")
                        + "; version " + previous + " serves again");
            }
            return new Decision(DeploymentOutcome.FAILED, firstOf(explanation, "version " + version
                    + " never took traffic") + "; version " + previous + " still serves");
        }
        if (rollout.rollbackAttempted() && previous != null) {
            return new Decision(DeploymentOutcome.ROLLBACK_FAILED, firstOf(explanation, "rollback started")
                    + "; but version " + previous + " does not serve again: " + after.summary());
        }
        return new Decision(DeploymentOutcome.FAILED, firstOf(explanation, "version " + version
                + " is not verified serving") + "; read back: " + after.summary());
    }

    private static String firstOf(String first, String second) {
        return first == null || first.isEmpty() ? second : first;
    }
}
