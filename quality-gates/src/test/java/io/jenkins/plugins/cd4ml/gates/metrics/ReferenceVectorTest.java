package io.jenkins.plugins.cd4ml.gates.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every numeric field of every reference vector, through the engine (the CLI test does the same end to end). */
class ReferenceVectorTest {
    static Stream<Path> folders() {
        return ReferenceVectors.folders().stream();
    }

    @ParameterizedTest
    @MethodSource("folders")
    void agreesWithScikitLearn(Path folder) throws Exception {
        JsonNode expected = ReferenceVectors.expected(folder);
        PredictionSpec spec = specOf(expected);
        EvaluationData data = PredictionReader.read(folder.resolve("predictions.csv"), spec);
        MetricsReport report = MetricsReport.of(data, spec.categorical());

        int compared = ReferenceVectors.assertNumbersAgree(expected, report.toJson().get("metrics"));

        assertThat(compared).isGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest
    @MethodSource("folders")
    void weightOneEverywhereEqualsTheUnweightedSummary(Path folder) throws Exception {
        PredictionSpec spec = specOf(ReferenceVectors.expected(folder));
        EvaluationData data = PredictionReader.read(folder.resolve("predictions.csv"), spec);
        Groups groups = data.groups(spec.categorical());
        int[] ones = new int[data.size()];
        java.util.Arrays.fill(ones, 1);
        MetricSummary plain = MetricsReport.summarize(data.candidate(), groups);
        MetricSummary weighted = data.candidate() instanceof BinaryPredictions binary
                ? BinarySummary.weighted(binary, groups, BinaryScoring.of(binary), ones)
                : plain;
        for (Metric metric : Metric.all(spec.task())) {
            double a = metric.valueOf(plain);
            double b = metric.valueOf(weighted);
            if (Double.isNaN(a)) {
                assertThat(b).as(metric.id()).isNaN();
            } else {
                assertThat(b).as(metric.id()).isCloseTo(a, Offset.offset(1e-12 * Math.max(1, Math.abs(a))));
            }
        }
    }

    static PredictionSpec specOf(JsonNode expected) {
        Task task = Task.parse(expected.get("task").asText());
        String sensitive = expected.path("sensitive_column").asText(null);
        return new PredictionSpec(task, expected.get("label_column").asText(),
                expected.path("score_column").asText(null), expected.path("prediction_column").asText(null),
                expected.path("positive_label").asText(null),
                expected.has("threshold") ? expected.get("threshold").asDouble() : null,
                sensitive == null ? List.of() : List.of(sensitive), null, null, null);
    }
}
