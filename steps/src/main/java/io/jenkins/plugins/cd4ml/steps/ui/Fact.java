package io.jenkins.plugins.cd4ml.steps.ui;

/**
 * A labelled value shown under a section's title, e.g. {@code dataset: data/train.csv}.
 */
public final class Fact {
    private final String label;
    private final String value;

    Fact(String label, String value) {
        this.label = label;
        this.value = value;
    }

    public String getLabel() {
        return label;
    }

    public String getValue() {
        return value;
    }
}
