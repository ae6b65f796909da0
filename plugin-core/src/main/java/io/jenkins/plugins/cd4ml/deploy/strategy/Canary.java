package io.jenkins.plugins.cd4ml.deploy.strategy;

import java.util.List;

/**
 * Send {@code percent} of traffic to the new version, watch the alarms for {@code bakeSeconds}, then
 * shift the rest; any alarm rolls back.
 *
 * @param percent share of traffic for the canary, 1–50 %
 * @param bakeSeconds seconds to watch the canary, 0–3 600
 * @param alarms rollback alarms, at least one
 */
public record Canary(int percent, int bakeSeconds, List<String> alarms) implements DeploymentStrategy {
    /** The name users write. */
    public static final String NAME = "canary";

    /** Validates the limits. */
    public Canary {
        percent = Guardrails.percent(NAME, "percent", percent, 1, Guardrails.MAX_CANARY_PERCENT);
        bakeSeconds = Guardrails.seconds(NAME, "bakeSeconds", bakeSeconds);
        alarms = Guardrails.alarms(NAME, alarms, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return NAME + " " + percent + " %, bake " + bakeSeconds + " s, alarms " + alarms;
    }
}
