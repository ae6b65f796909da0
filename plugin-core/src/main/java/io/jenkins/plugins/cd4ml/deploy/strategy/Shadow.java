package io.jenkins.plugins.cd4ml.deploy.strategy;

import java.util.List;

/**
 * Mirror {@code mirrorPercent} of requests to the new version without serving its answers, compare
 * its predictions with the serving version's for {@code bakeSeconds}, and promote it only when at
 * least {@code minAgreement} of the compared predictions agree.
 *
 * @param mirrorPercent share of requests copied to the shadow, 1–100 %
 * @param bakeSeconds seconds the shadow runs, 0–3 600
 * @param minAgreement fraction of compared predictions that must agree, 0–1
 * @param alarms optional rollback alarms
 */
public record Shadow(int mirrorPercent, int bakeSeconds, double minAgreement, List<String> alarms)
        implements DeploymentStrategy {
    /** The name users write. */
    public static final String NAME = "shadow";

    /** Validates the limits. */
    public Shadow {
        mirrorPercent = Guardrails.percent(NAME, "mirrorPercent", mirrorPercent, 1, 100);
        bakeSeconds = Guardrails.seconds(NAME, "bakeSeconds", bakeSeconds);
        if (!(minAgreement >= 0 && minAgreement <= 1)) {
            throw new InvalidStrategyException(NAME + ": minAgreement must be between 0 and 1, got " + minAgreement);
        }
        alarms = Guardrails.alarms(NAME, alarms, false);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe() {
        return NAME + " mirror " + mirrorPercent + " %, bake " + bakeSeconds + " s, min agreement " + minAgreement;
    }
}
