package io.jenkins.plugins.cd4ml.gates.quality;

import java.util.Locale;

/** How a gate's comparison is decided. */
public enum DecisionRule {
    /**
     * On the bootstrap confidence interval: pass when it lies entirely on the passing side, fail
     * when entirely on the failing side, INCONCLUSIVE when it straddles the bound.
     */
    CONFIDENCE,
    /** On the point estimate alone (the interval is still reported). */
    POINT;

    /** @return the name used in gates files */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
