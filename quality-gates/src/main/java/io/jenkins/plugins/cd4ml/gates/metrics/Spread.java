package io.jenkins.plugins.cd4ml.gates.metrics;

/** Spreads of per-group values, skipping groups where the value is undefined (NaN), as pandas does. */
final class Spread {
    private Spread() {
    }

    /** @return max - min over the defined values; NaN when none is defined */
    static double difference(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return min > max ? Double.NaN : max - min;
    }

    /** @return min / max over the defined values; NaN when none is defined or max is 0 */
    static double ratio(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return min > max || max == 0 ? Double.NaN : min / max;
    }
}
