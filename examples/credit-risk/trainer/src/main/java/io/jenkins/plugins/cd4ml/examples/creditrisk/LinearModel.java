package io.jenkins.plugins.cd4ml.examples.creditrisk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * A trained binary logistic model in the portable {@code cd4ml-linear-model} JSON format that the
 * {@code local} deployment target serves (see {@code docs/deployment.md}):
 * {@code P(1) = sigmoid(intercept + Σ coefficient · feature)} on raw feature values. A categorical
 * column {@code c} with value {@code v} is the one-hot feature {@code c=v}.
 *
 * @param format always {@code cd4ml-linear-model}
 * @param formatVersion always 1
 * @param link always {@code logistic}
 * @param intercept the bias term
 * @param coefficients one coefficient per feature, numeric features first
 * @param threshold the decision threshold on the probability
 * @param imputation the training mean of each numeric feature, used by the trainer for missing values
 */
public record LinearModel(String format, int formatVersion, String link, double intercept,
        Map<String, Double> coefficients, double threshold, Map<String, Double> imputation) {
    /** The format identifier the local target expects. */
    public static final String FORMAT = "cd4ml-linear-model";

    /**
     * Scores one row.
     *
     * @param row column name → text, {@code null} or empty for missing
     * @return the probability of label 1
     */
    @JsonIgnore
    public double probability(Map<String, String> row) {
        double z = intercept;
        for (Map.Entry<String, Double> feature : imputation.entrySet()) {
            String text = row.get(feature.getKey());
            double x = text == null || text.isEmpty() ? feature.getValue() : Double.parseDouble(text);
            z += coefficients.get(feature.getKey()) * x;
        }
        for (Map.Entry<String, String> cell : row.entrySet()) {
            Double oneHot = coefficients.get(cell.getKey() + "=" + cell.getValue());
            if (oneHot != null) {
                z += oneHot;
            }
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
