package io.jenkins.plugins.cd4ml.steps.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalDouble;

/**
 * One gate of a quality-gate report: the candidate's metric against the baseline (the model that
 * is serving), the difference with its confidence interval, the threshold and the status.
 * {@code NO_BASELINE} and {@code INCONCLUSIVE} keep their own status.
 */
public final class GateRow {
    private final CheckRow check;
    private final String metric;
    private final OptionalDouble candidate;
    private final OptionalDouble baseline;
    private final OptionalDouble delta;
    private final OptionalDouble ciLow;
    private final OptionalDouble ciHigh;

    GateRow(CheckRow check, String metric, OptionalDouble candidate, OptionalDouble baseline, OptionalDouble delta,
            OptionalDouble ciLow, OptionalDouble ciHigh) {
        this.check = check;
        this.metric = metric;
        this.candidate = candidate;
        this.baseline = baseline;
        this.delta = delta;
        this.ciLow = ciLow;
        this.ciHigh = ciHigh;
    }

    static GateRow of(JsonNode node) {
        CheckRow check = CheckRow.of("gates", node);
        JsonNode ci = JsonText.object(node, "ci", "confidenceInterval");
        OptionalDouble candidate = JsonText.number(node, "candidate", "value");
        OptionalDouble baseline = JsonText.number(node, "baseline");
        OptionalDouble delta = JsonText.number(node, "delta");
        if (delta.isEmpty() && candidate.isPresent() && baseline.isPresent()) {
            delta = OptionalDouble.of(candidate.getAsDouble() - baseline.getAsDouble());
        }
        OptionalDouble low = JsonText.number(node, "ciLow", "ci_low");
        OptionalDouble high = JsonText.number(node, "ciHigh", "ci_high");
        if (low.isEmpty()) {
            low = JsonText.number(ci, "low", "lower");
        }
        if (high.isEmpty()) {
            high = JsonText.number(ci, "high", "upper");
        }
        if (low.isEmpty() && high.isEmpty()) {
            // cd4ml gate reports: [low, high] of the delta when there is a baseline, else of the candidate
            JsonNode interval = node.path(baseline.isPresent() ? "deltaInterval" : "candidateInterval");
            if (interval.isArray() && interval.size() == 2 && interval.get(0).isNumber() && interval.get(1).isNumber()) {
                low = OptionalDouble.of(interval.get(0).asDouble());
                high = OptionalDouble.of(interval.get(1).asDouble());
            }
        }
        String metric = JsonText.text(node, "metric");
        return new GateRow(check, metric.isEmpty() ? check.getName() : metric, candidate, baseline, delta, low, high);
    }

    public CheckRow getCheck() {
        return check;
    }

    public String getName() {
        return check.getName();
    }

    public String getMetric() {
        return metric;
    }

    public Status getStatus() {
        return check.getStatus();
    }

    public String getThreshold() {
        return check.getThreshold();
    }

    public String getDetail() {
        return check.getDetail();
    }

    public String getCandidate() {
        return show(candidate);
    }

    /** @return the baseline's value, or {@code no baseline} when there is none to compare with */
    public String getBaseline() {
        return baseline.isPresent() ? show(baseline) : "no baseline";
    }

    public String getDelta() {
        if (delta.isEmpty()) {
            return "";
        }
        double value = delta.getAsDouble();
        return (value > 0 ? "+" : "") + JsonText.format(value);
    }

    /** @return the interval as text, e.g. {@code [-0.004, +0.031]}, or "" */
    public String getInterval() {
        if (ciLow.isEmpty() || ciHigh.isEmpty()) {
            return "";
        }
        return "[" + JsonText.format(ciLow.getAsDouble()) + ", " + JsonText.format(ciHigh.getAsDouble()) + "]";
    }

    OptionalDouble candidateValue() {
        return candidate;
    }

    /** @return the threshold when it is a plain number (for trend charts) */
    OptionalDouble thresholdValue() {
        try {
            return OptionalDouble.of(Double.parseDouble(check.getThreshold().replaceAll("^[<>=≥≤ ]+", "")));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * @return the bar that draws the interval of the difference around zero, or {@code null} when
     *     the gate has no interval
     */
    public CiBar getCiBar() {
        if (ciLow.isEmpty() || ciHigh.isEmpty()) {
            return null;
        }
        return CiBar.of(ciLow.getAsDouble(), ciHigh.getAsDouble(), delta.orElse(Double.NaN));
    }

    private static String show(OptionalDouble value) {
        return value.isPresent() ? JsonText.format(value.getAsDouble()) : "";
    }

    /**
     * The geometry of a confidence-interval bar in percent of its width: zero sits in the middle,
     * the scale fits the interval. Numbers only, drawn as SVG attributes (no inline style, CSP-safe).
     */
    public static final class CiBar {
        private final double lowPercent;
        private final double highPercent;
        private final double deltaPercent;

        private CiBar(double lowPercent, double highPercent, double deltaPercent) {
            this.lowPercent = lowPercent;
            this.highPercent = highPercent;
            this.deltaPercent = deltaPercent;
        }

        static CiBar of(double low, double high, double delta) {
            double span = Math.max(Math.max(Math.abs(low), Math.abs(high)), Double.isNaN(delta) ? 0 : Math.abs(delta));
            if (!(span > 0) || !Double.isFinite(span)) {
                span = 1;
            }
            return new CiBar(position(Math.min(low, high), span), position(Math.max(low, high), span),
                    Double.isNaN(delta) ? Double.NaN : position(delta, span));
        }

        /** 5 % margin each side, zero at 50 %. */
        private static double position(double value, double span) {
            return Math.round((50 + 45 * value / span) * 100) / 100.0;
        }

        public double getLowPercent() {
            return lowPercent;
        }

        public double getHighPercent() {
            return highPercent;
        }

        public double getWidthPercent() {
            return Math.round((highPercent - lowPercent) * 100) / 100.0;
        }

        public boolean isHasDelta() {
            return !Double.isNaN(deltaPercent);
        }

        public double getDeltaPercent() {
            return deltaPercent;
        }

        /** @return whether the whole interval lies below zero (the candidate is worse) */
        public boolean isBelowZero() {
            return highPercent < 50;
        }
    }
}
