package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.Locale;

/** What a model predicts, which decides the metrics that apply. */
public enum Task {
    /** Two classes; a positive label, a score and/or a predicted class. */
    BINARY("binary_classification"),
    /** Several classes; a predicted class. */
    MULTICLASS("multiclass_classification"),
    /** A number. */
    REGRESSION("regression");

    private final String reportName;

    Task(String reportName) {
        this.reportName = reportName;
    }

    /** @return the name reports use, e.g. {@code binary_classification} */
    public String reportName() {
        return reportName;
    }

    /**
     * Parses {@code binary}, {@code multiclass}, {@code regression} or a report name.
     *
     * @param text the text
     * @return the task
     * @throws IllegalArgumentException for any other text
     */
    public static Task parse(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (Task task : values()) {
            if (task.reportName.equals(name) || task.name().toLowerCase(Locale.ROOT).equals(name)) {
                return task;
            }
        }
        throw new IllegalArgumentException("expected task 'binary', 'multiclass' or 'regression' but found '" + text + "'");
    }
}
