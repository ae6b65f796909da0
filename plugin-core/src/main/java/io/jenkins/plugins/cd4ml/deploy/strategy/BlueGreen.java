package io.jenkins.plugins.cd4ml.deploy.strategy;

import java.util.List;

/**
 * Start the new version beside the old one, switch all traffic, and keep the old one warm for
 * {@code bakeSeconds} so an alarm can switch back at once.
 *
 * @param bakeSeconds seconds the old version is kept warm, 0–3 600
 * @param alarms optional rollback alarms
 */
public record BlueGreen(int bakeSeconds, List<String> alarms) implements DeploymentStrategy {
    /** The name users write. */
    public static final String NAME = "blue-green";

    /** Validates the limits. */
    public BlueGreen {
        bakeSeconds = Guardrails.seconds(NAME, "bakeSeconds", bakeSeconds);
        alarms = Guardrails.alarms(NAME, alarms, false);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return NAME + ", bake " + bakeSeconds + " s" + (alarms.isEmpty() ? "" : ", alarms " + alarms);
    }
}
