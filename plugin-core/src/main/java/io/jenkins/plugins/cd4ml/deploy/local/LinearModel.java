package io.jenkins.plugins.cd4ml.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tiny linear model the {@code local} target serves and the demo trainer writes
 * ({@code model.json}, documented in {@code docs/deployment.md}):
 *
 * <pre>{@code
 * {"format": "cd4ml-linear-model", "formatVersion": 1, "link": "logistic",
 *  "intercept": -1.5, "coefficients": {"income": -0.00002, "debt_ratio": 3.2}, "threshold": 0.5}
 * }</pre>
 *
 * score = intercept + Σ coefficient·feature; probability = 1/(1+e^−score) for the {@code logistic}
 * link, the score itself for {@code identity}; label = 1 when probability ≥ threshold, else 0.
 *
 * @param intercept the intercept
 * @param coefficients one coefficient per feature, in file order
 * @param threshold the decision threshold on the probability
 * @param link {@code logistic} or {@code identity}
 */
public record LinearModel(double intercept, Map<String, Double> coefficients, double threshold, String link) {
    /** The value of {@code format}. */
    public static final String FORMAT = "cd4ml-linear-model";
    /** The file name inside an artifact directory. */
    public static final String FILE_NAME = "model.json";

    /** Copies the coefficients, keeping their order. */
    public LinearModel {
        coefficients = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
    }

    /**
     * One prediction.
     *
     * @param score the linear score
     * @param probability the score through the link
     * @param label 1 or 0
     */
    public record Prediction(double score, double probability, int label) {
    }

    /**
     * @param features the feature values; every feature of the model must be present
     * @return the prediction
     * @throws IllegalArgumentException when a feature is missing or not finite
     */
    public Prediction predict(Map<String, Double> features) {
        double score = intercept;
        for (Map.Entry<String, Double> coefficient : coefficients.entrySet()) {
            Double value = features.get(coefficient.getKey());
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("feature '" + coefficient.getKey() + "' is missing or not a number");
            }
            score += coefficient.getValue() * value;
        }
        double probability = "identity".equals(link) ? score : 1 / (1 + Math.exp(-score));
        return new Prediction(score, probability, probability >= threshold ? 1 : 0);
    }

    /**
     * @param artifact an artifact directory holding {@value #FILE_NAME}, or the file itself
     * @return the model
     * @throws InvalidInputException when the file is missing or does not follow the format
     */
    public static LinearModel read(Path artifact) throws InvalidInputException {
        Path file = Files.isDirectory(artifact) ? artifact.resolve(FILE_NAME) : artifact;
        String name = file.toString();
        JsonNode root = Json.readUserFile(file, name);
        SourceLocation where = SourceLocation.ofFile(name);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InvalidInputException(where, "expected \"format\": \"" + FORMAT + "\"");
        }
        if (root.path("formatVersion").asInt(1) != 1) {
            throw new InvalidInputException(where, "unsupported formatVersion " + root.path("formatVersion")
                    + " (expected 1)");
        }
        String link = root.path("link").asText("logistic");
        if (!link.equals("logistic") && !link.equals("identity")) {
            throw new InvalidInputException(where, "\"link\" must be \"logistic\" or \"identity\", got \"" + link + "\"");
        }
        JsonNode coefficients = root.path("coefficients");
        if (!coefficients.isObject()) {
            throw new InvalidInputException(where, "\"coefficients\" must be an object of feature: number");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = coefficients.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isNumber()) {
                throw new InvalidInputException(where, "coefficient of '" + entry.getKey() + "' must be a number");
            }
            values.put(entry.getKey(), entry.getValue().asDouble());
        }
        return new LinearModel(number(root, "intercept", 0, where), values, number(root, "threshold", 0.5, where), link);
    }

    private static double number(JsonNode root, String field, double defaultValue, SourceLocation where)
            throws InvalidInputException {
        JsonNode node = root.path(field);
        if (node.isMissingNode()) {
            return defaultValue;
        }
        if (!node.isNumber()) {
            throw new InvalidInputException(where, "\"" + field + "\" must be a number");
        }
        return node.asDouble();
    }
}
