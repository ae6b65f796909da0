package io.jenkins.plugins.cd4ml.gates.quality;

import java.io.Serializable;

/**
 * File-wide policies of a gates file.
 *
 * @param noBaseline what a NO_BASELINE gate (a first model) means for the verdict
 * @param inconclusive what an INCONCLUSIVE gate (too few rows, interval straddling) means
 * @param decideOn how comparisons are decided
 */
public record GatePolicies(PolicyAction noBaseline, PolicyAction inconclusive, DecisionRule decideOn)
        implements Serializable {
    /** Defaults: warn without a baseline, warn when inconclusive, decide on the interval. */
    public static final GatePolicies DEFAULT = new GatePolicies(PolicyAction.WARN, PolicyAction.WARN,
            DecisionRule.CONFIDENCE);
}
