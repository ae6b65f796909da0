package io.jenkins.plugins.cd4ml.examples.creditrisk;

import java.util.List;
import java.util.Map;

/**
 * A trained binary logistic model in the portable {@code cd4ml-linear/1} JSON format that the
 * {@code local} deployment target serves: {@code P(positive) = sigmoid(intercept + Σ terms)}.
 *
 * @param format always {@code cd4ml-linear/1}
 * @param positiveLabel the label predicted when the probability reaches {@code threshold}
 * @param negativeLabel the other label
 * @param threshold the decision threshold on the probability
 * @param intercept the bias term
 * @param numeric numeric features: standardised as {@code (x - mean) / scale}, missing → mean
 * @param categorical categorical features: the coefficient of each known value (one-hot)
 */
public record LinearModel(String format, String positiveLabel, String negativeLabel, double threshold,
        double intercept, List<NumericTerm> numeric, Map<String, Map<String, Double>> categorical) {
    /** The format identifier written into every model file. */
    public static final String FORMAT = "cd4ml-linear/1";

    /**
     * @param name the column
     * @param mean the training mean (also used for missing values)
     * @param scale the training standard deviation (1 when constant)
     * @param coefficient the weight of the standardised value
     */
    public record NumericTerm(String name, double mean, double scale, double coefficient) {
    }

    /**
     * Scores one row.
     *
     * @param row column name → text, {@code null} or absent for missing
     * @return the probability of the positive label
     */
    public double probability(Map<String, String> row) {
        double z = intercept;
        for (NumericTerm term : numeric) {
            String text = row.get(term.name());
            double x = text == null || text.isEmpty() ? term.mean() : Double.parseDouble(text);
            z += term.coefficient() * (x - term.mean()) / term.scale();
        }
        for (Map.Entry<String, Map<String, Double>> feature : categorical.entrySet()) {
            String value = row.get(feature.getKey());
            z += feature.getValue().getOrDefault(value == null ? "" : value, 0.0);
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
