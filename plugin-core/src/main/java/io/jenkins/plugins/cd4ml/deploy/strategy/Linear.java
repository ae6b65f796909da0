package io.jenkins.plugins.cd4ml.deploy.strategy;

import java.util.List;

/**
 * Shift traffic to the new version in equal steps of {@code stepPercent}, watching the alarms for
 * {@code intervalSeconds} after each step; any alarm rolls back.
 *
 * @param stepPercent share shifted per step, 10–50 %
 * @param intervalSeconds seconds between steps, 0–3 600
 * @param alarms rollback alarms, at least one
 */
public record Linear(int stepPercent, int intervalSeconds, List<String> alarms) implements DeploymentStrategy {
    /** The name users write. */
    public static final String NAME = "linear";

    /** Validates the limits. */
    public Linear {
        stepPercent = Guardrails.percent(NAME, "stepPercent", stepPercent,
                Guardrails.MIN_LINEAR_STEP_PERCENT, Guardrails.MAX_LINEAR_STEP_PERCENT);
        intervalSeconds = Guardrails.seconds(NAME, "intervalSeconds", intervalSeconds);
        alarms = Guardrails.alarms(NAME, alarms, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int bakeSeconds() {
        return intervalSeconds;
    }

    /** @return the traffic shares of the new version after each step, ending with 100 */
    public List<Integer> steps() {
        java.util.ArrayList<Integer> steps = new java.util.ArrayList<>();
        for (int share = stepPercent; share < 100; share += stepPercent) {
            steps.add(share);
        }
        steps.add(100);
        return List.copyOf(steps);
    }

    @Override
    public String describe() {
        return NAME + " steps of " + stepPercent + " %, every " + intervalSeconds + " s, alarms " + alarms;
    }
}
