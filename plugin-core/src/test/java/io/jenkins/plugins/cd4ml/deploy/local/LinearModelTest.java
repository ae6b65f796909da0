package io.jenkins.plugins.cd4ml.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served model format. */
class LinearModelTest {
    @TempDir
    Path directory;

    @Test
    void readsTheDocumentedFormatAndPredicts() throws Exception {
        Files.writeString(directory.resolve("model.json"), """
                {"format": "cd4ml-linear-model", "formatVersion": 1, "link": "logistic",
                 "intercept": -1.5, "coefficients": {"income": -0.00002, "debt_ratio": 3.2}, "threshold": 0.5}
                """);
        LinearModel model = LinearModel.read(directory);

        LinearModel.Prediction prediction = model.predict(Map.of("income", 50_000.0, "debt_ratio", 0.8));

        double score = -1.5 - 0.00002 * 50_000 + 3.2 * 0.8;
        assertThat(prediction.score()).isCloseTo(score, within(1e-12));
        assertThat(prediction.probability()).isCloseTo(1 / (1 + Math.exp(-score)), within(1e-12));
        assertThat(prediction.label()).isEqualTo(score >= 0 ? 1 : 0);
        assertThat(model.coefficients().keySet()).containsExactly("income", "debt_ratio");
    }

    @Property
    void identityLinkThresholdsTheScore(@ForAll @DoubleRange(min = -10, max = 10) double x,
            @ForAll @DoubleRange(min = -5, max = 5) double threshold) {
        Map<String, Double> coefficients = new LinkedHashMap<>();
        coefficients.put("x", 2.0);
        LinearModel model = new LinearModel(1.0, coefficients, threshold, "identity");
        LinearModel.Prediction prediction = model.predict(Map.of("x", x));
        assertThat(prediction.probability()).isEqualTo(1.0 + 2.0 * x);
        assertThat(prediction.label()).isEqualTo(1.0 + 2.0 * x >= threshold ? 1 : 0);
    }

    @Test
    void missingFeaturesAndBadFilesAreReported() throws Exception {
        LinearModel model = new LinearModel(0, Map.of("age", 1.0), 0.5, "logistic");
        assertThatThrownBy(() -> model.predict(Map.of("income", 1.0))).hasMessageContaining("'age'");
        Files.writeString(directory.resolve("model.json"), "{\"format\": \"cd4ml-linear-model\",\n \"intercept\": }");
        assertThatThrownBy(() -> LinearModel.read(directory)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model.json:2:");
        Files.writeString(directory.resolve("model.json"), "{\"format\": \"onnx\"}");
        assertThatThrownBy(() -> LinearModel.read(directory)).hasMessageContaining("expected \"format\"");
        Files.writeString(directory.resolve("model.json"),
                "{\"format\": \"cd4ml-linear-model\", \"coefficients\": {\"a\": \"x\"}}");
        assertThatThrownBy(() -> LinearModel.read(directory)).hasMessageContaining("coefficient of 'a'");
        assertThatThrownBy(() -> LinearModel.read(directory.resolve("missing")))
                .hasMessageEndingWith("file not found");
    }
}
