package io.jenkins.plugins.cd4ml.steps.ui;

import java.util.Locale;

/**
 * The status of a report row or section as the views show it, ordered from best to worst so the
 * overall verdict is the worst of its parts. {@code NO_BASELINE} and {@code INCONCLUSIVE} are kept
 * apart from a pass: they say that a comparison could not be made.
 */
public enum Status {
    PASSED("success"),
    NO_BASELINE("info"),
    INCONCLUSIVE("info"),
    UNSTABLE("warning"),
    FAILED("danger"),
    ERROR("danger"),
    UNKNOWN("secondary");

    private final String tone;

    Status(String tone) {
        this.tone = tone;
    }

    /**
     * @param text a status or verdict as the engine writes it (any case); anything else is {@code UNKNOWN}
     * @return the status
     */
    public static Status parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** @return how bad it is, for "worst of": UNKNOWN ranks with the passes (it says nothing) */
    int rank() {
        return this == UNKNOWN ? -1 : ordinal();
    }

    /**
     * @param other another status
     * @return the worse of the two
     */
    public Status worst(Status other) {
        return other.rank() > rank() ? other : this;
    }

    /** @return the Bootstrap colour suffix the views use ({@code success}, {@code warning}, …) */
    public String getTone() {
        return tone;
    }

    /** @return the CSS class of a badge for this status (a fixed value, never user data) */
    public String getBadgeClass() {
        return "badge text-bg-" + tone + " cd4ml-status";
    }

    /** @return the name shown, e.g. {@code NO BASELINE} */
    public String getLabel() {
        return name().replace('_', ' ');
    }
}
