package io.jenkins.plugins.cd4ml.gates.quality;

import java.util.Locale;

/** Which side of an absolute threshold passes. */
public enum Direction {
    /** The metric must be at least the threshold. */
    AT_LEAST,
    /** The metric must be at most the threshold. */
    AT_MOST;

    /**
     * @param value the metric value
     * @param threshold the threshold
     * @return whether the value passes
     */
    public boolean holds(double value, double threshold) {
        return this == AT_LEAST ? value >= threshold : value <= threshold;
    }

    /** @return the name used in gates files */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return {@code >=} or {@code <=} */
    public String symbol() {
        return this == AT_LEAST ? ">=" : "<=";
    }
}
