package io.jenkins.plugins.cd4ml.gates.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every number of the shared reference vectors (numpy 1.24 / scipy 1.10), recomputed from the CSV files. */
class ReferenceVectorsTest {
    static Stream<String> vectors() {
        return Stream.of("mixed-drift", "no-drift");
    }

    static Path folder(String vector) throws URISyntaxException {
        return Path.of(ReferenceVectorsTest.class.getResource("/drift/" + vector + "/expected.json").toURI())
                .getParent();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void metricFunctionsReproduceEveryExpectedValue(String vector) throws Exception {
        Path dir = folder(vector);
        JsonNode expected = Json.mapper().readTree(dir.resolve("expected.json").toFile()).get("columns");
        DatasetDistributions baseline = DataFileDistributions.read(dir.resolve("baseline.csv"), null, Map.of());
        DatasetDistributions current = DataFileDistributions.read(dir.resolve("current.csv"), null, Map.of());
        SoftAssertions softly = new SoftAssertions();
        List<String> names = new ArrayList<>();
        expected.fieldNames().forEachRemaining(names::add);
        assertThat(names).isNotEmpty();
        for (String name : names) {
            JsonNode column = expected.get(name);
            ColumnDistribution b = baseline.column(name);
            ColumnDistribution c = current.column(name);
            softly.assertThat(b.count()).as(name + " baseline_count").isEqualTo(column.get("baseline_count").asLong());
            softly.assertThat(c.count()).as(name + " current_count").isEqualTo(column.get("current_count").asLong());
            Map<DriftMetric, Double> metrics;
            if (column.has("categories")) {
                softly.assertThat(b.kind()).as(name).isEqualTo(ColumnKind.CATEGORICAL);
                var bc = (ColumnDistribution.Categorical) b;
                var cc = (ColumnDistribution.Categorical) c;
                metrics = CategoricalDrift.compute(bc.counts(), cc.counts());
                var union = new java.util.HashSet<>(bc.counts().keySet());
                union.addAll(cc.counts().keySet());
                softly.assertThat(union).as(name + " categories").hasSize(column.get("categories").asInt());
            } else {
                softly.assertThat(b.kind()).as(name).isEqualTo(ColumnKind.NUMERIC);
                var bn = (ColumnDistribution.Numeric) b;
                var cn = (ColumnDistribution.Numeric) c;
                metrics = NumericDrift.compute(bn.values(), bn.stdDev(), cn.values());
            }
            for (DriftMetric metric : DriftMetric.values()) {
                if (!column.has(metric.key())) {
                    softly.assertThat(metrics).as(name + " has no " + metric.key()).doesNotContainKey(metric);
                    continue;
                }
                double want = column.get(metric.key()).asDouble();
                softly.assertThat(metrics).as(name + " " + metric.key()).containsKey(metric);
                Double got = metrics.get(metric);
                if (got != null) {
                    softly.assertThat(Tolerance.agrees(metric, got, want))
                            .as("%s %s: got %s, expected %s", name, metric.key(), got, want).isTrue();
                }
            }
        }
        softly.assertAll();
    }
}
