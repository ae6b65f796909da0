package io.jenkins.plugins.cd4ml.gates.metrics;

import java.io.Serializable;
import java.util.List;

/**
 * Which columns of a predictions file hold what. For binary tasks the predicted class is, in
 * order of preference: the score against an explicitly given threshold; the prediction column
 * (a value equal to the positive label is positive); the score against 0.5.
 *
 * @param task the task
 * @param label the label (true value) column
 * @param score the score column (binary: probability or score of the positive label; regression:
 *     accepted in place of {@code prediction}), or {@code null}
 * @param prediction the predicted class or value column, or {@code null}
 * @param positiveLabel the positive label of a binary task (numeric labels compare as numbers)
 * @param threshold the decision threshold on the score, or {@code null} for the default rules above
 * @param categorical columns read as categories (sensitive columns, slice columns)
 * @param baselineScore the baseline model's score column in the same file, or {@code null}
 * @param baselinePrediction the baseline model's prediction column in the same file, or {@code null}
 * @param id the row id column used to join a separate baseline file, or {@code null} to join by row order
 */
public record PredictionSpec(Task task, String label, String score, String prediction, String positiveLabel,
        Double threshold, List<String> categorical, String baselineScore, String baselinePrediction, String id)
        implements Serializable {
    /** The threshold used when none is given. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /** Canonical form: copies the list, defaults the positive label to {@code 1}. */
    public PredictionSpec {
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
        positiveLabel = positiveLabel == null ? "1" : positiveLabel;
    }

    /**
     * A spec without baseline columns.
     *
     * @param task the task
     * @param label the label column
     * @param score the score column or {@code null}
     * @param prediction the prediction column or {@code null}
     * @return the spec
     */
    public static PredictionSpec of(Task task, String label, String score, String prediction) {
        return new PredictionSpec(task, label, score, prediction, null, null, List.of(), null, null, null);
    }

    /** @return the threshold in effect */
    public double effectiveThreshold() {
        return threshold == null ? DEFAULT_THRESHOLD : threshold;
    }

    /** @return the same spec reading the given categorical columns */
    public PredictionSpec withCategorical(List<String> columns) {
        return new PredictionSpec(task, label, score, prediction, positiveLabel, threshold, columns, baselineScore,
                baselinePrediction, id);
    }

    /** @return whether the file itself holds a baseline model's predictions */
    public boolean hasBaselineColumns() {
        return baselineScore != null || baselinePrediction != null;
    }
}
