package io.jenkins.plugins.cd4ml.gates.quality;

import java.io.Serializable;

/**
 * A bootstrap confidence interval; both ends NaN when it could not be computed.
 *
 * @param low the lower end
 * @param high the upper end
 */
public record Interval(double low, double high) implements Serializable {
    /** No interval (bootstrap disabled, or no defined resample). */
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    /** @return whether the interval was computed */
    public boolean defined() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** @return the interval with both ends negated and swapped */
    public Interval negate() {
        return new Interval(-high, -low);
    }
}
