package io.jenkins.plugins.cd4ml.deploy.strategy;

import java.util.List;

/**
 * Replace the serving version in one step once the new one answers; alarms are optional and watched
 * for {@code bakeSeconds} after the switch.
 *
 * @param bakeSeconds seconds to watch after the switch, 0–3 600
 * @param alarms optional rollback alarms
 */
public record AllAtOnce(int bakeSeconds, List<String> alarms) implements DeploymentStrategy {
    /** The name users write. */
    public static final String NAME = "all-at-once";

    /** Validates the limits. */
    public AllAtOnce {
        bakeSeconds = Guardrails.seconds(NAME, "bakeSeconds", bakeSeconds);
        alarms = Guardrails.alarms(NAME, alarms, false);
    }

    /** @return all-at-once without baking or alarms */
    public static AllAtOnce immediately() {
        return new AllAtOnce(0, List.of());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return NAME + (bakeSeconds > 0 ? ", bake " + bakeSeconds + " s" : "")
                + (alarms.isEmpty() ? "" : ", alarms " + alarms);
    }
}
