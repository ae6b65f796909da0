package io.jenkins.plugins.cd4ml.gates.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.gates.drift.ColumnDistribution;
import io.jenkins.plugins.cd4ml.gates.drift.ColumnKind;
import io.jenkins.plugins.cd4ml.gates.drift.DataFileDistributions;
import io.jenkins.plugins.cd4ml.gates.drift.DatasetDistributions;
import io.jenkins.plugins.cd4ml.gates.drift.DriftConfig;
import io.jenkins.plugins.cd4ml.gates.drift.DriftMetric;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class ProfileFormatsTest {
    private static DatasetProfile profiled;

    /** Profiling is what most tests here start from; do it once. */
    private static synchronized DatasetProfile baselineProfile() throws Exception {
        if (profiled == null) {
            profiled = Profiler.withDefaults().profile(baseline());
        }
        return profiled;
    }

    private static Path baseline() throws Exception {
        return Path.of(ProfileFormatsTest.class.getResource("/drift/mixed-drift/baseline.csv").toURI());
    }

    @Test
    void profileCountsAndMomentsAreExact() throws Exception {
        DatasetProfile profile = baselineProfile();
        DatasetDistributions exact = DataFileDistributions.read(baseline(), null, Map.of());
        assertThat(profile.rows()).isEqualTo(6000);
        SoftAssertions softly = new SoftAssertions();
        for (ColumnProfile column : profile.columns()) {
            ColumnDistribution truth = exact.column(column.name());
            softly.assertThat(column.count()).as(column.name()).isEqualTo(truth.count());
            softly.assertThat(column.nulls()).as(column.name()).isEqualTo(truth.nulls());
            if (truth instanceof ColumnDistribution.Numeric numeric) {
                softly.assertThat(column.type().isNumeric()).as(column.name()).isTrue();
                softly.assertThat(column.numeric().stdDev()).as(column.name())
                        .isCloseTo(numeric.stdDev(), within(1e-9 * numeric.stdDev()));
                softly.assertThat(column.numeric().min()).isEqualTo(numeric.values().min());
                softly.assertThat(column.numeric().max()).isEqualTo(numeric.values().max());
            } else {
                softly.assertThat(column.type()).as(column.name()).isEqualTo(InferredType.STRING);
                softly.assertThat(column.frequencies().counts())
                        .isEqualTo(((ColumnDistribution.Categorical) truth).counts());
            }
        }
        softly.assertThat(profile.column("int_count").type()).isEqualTo(InferredType.INTEGRAL);
        softly.assertThat(profile.column("num_normal").type()).isEqualTo(InferredType.FRACTIONAL);
        softly.assertThat(profile.column("int_count").frequencies()).isNotNull();
        softly.assertThat(profile.column("num_normal").frequencies()).as("high cardinality: no counts").isNull();
        softly.assertAll();
    }

    @Test
    void aNumericColumnThatTurnsToTextKeepsHonestCounts(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        StringBuilder data = new StringBuilder("mixed,code\n");
        for (int i = 0; i < 1500; i++) {
            data.append(i).append(',').append(i % 3).append('\n');
        }
        data.append("x,y\n,\n");
        Path file = temp.resolve("mixed.csv");
        java.nio.file.Files.writeString(file, data);
        DatasetProfile profile = Profiler.withDefaults().profile(file);
        ColumnProfile mixed = profile.column("mixed");
        assertThat(mixed.type()).isEqualTo(InferredType.STRING);
        assertThat(mixed.count()).isEqualTo(1501);
        assertThat(mixed.nulls()).isEqualTo(1);
        assertThat(mixed.frequencies().complete()).isFalse();
        assertThat(mixed.frequencies().other()).isEqualTo(1500);
        ColumnProfile code = profile.column("code");
        // few distinct numbers are counted from the start, so the counts stay complete
        assertThat(code.frequencies().complete()).isTrue();
        assertThat(code.frequencies().counts()).containsEntry("0", 500L).containsEntry("y", 1L);
    }

    @Test
    void cd4mlProfileRoundTrips() throws Exception {
        DatasetProfile profile = baselineProfile();
        ObjectNode json = ProfileJson.write(profile);
        assertThat(json.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        String text = Json.mapper().writeValueAsString(json);
        DatasetProfile read = ProfileJson.read("p.json", Json.mapper().readTree(text));
        assertThat(Json.mapper().writeValueAsString(ProfileJson.write(read))).isEqualTo(text);
        assertThat(read.column("num_normal").numeric().sketch().count()).isEqualTo(6000);

        ObjectNode future = json.deepCopy();
        future.put("profileVersion", 99);
        assertThatThrownBy(() -> ProfileJson.read("p.json", future)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("profileVersion");
    }

    @Test
    void sageMakerStatisticsRoundTripInTheDocumentedShape() throws Exception {
        DatasetProfile profile = baselineProfile();
        ObjectNode statistics = SageMakerStatistics.write(profile);
        assertThat(statistics.get("version").asInt()).isZero();
        assertThat(statistics.at("/dataset/item_count").asLong()).isEqualTo(6000);
        JsonNode numeric = findFeature(statistics, "num_with_nulls");
        assertThat(numeric.get("inferred_type").asText()).isEqualTo("Fractional");
        assertThat(numeric.at("/numerical_statistics/common/num_present").asLong()).isEqualTo(5587);
        assertThat(numeric.at("/numerical_statistics/common/num_missing").asLong()).isEqualTo(413);
        assertThat(numeric.at("/numerical_statistics/distribution/kll/sketch/parameters/k").asInt()).isEqualTo(2048);
        assertThat(numeric.at("/numerical_statistics/distribution/kll/sketch/data").isArray()).isTrue();
        long bucketTotal = 0;
        for (JsonNode bucket : numeric.at("/numerical_statistics/distribution/kll/buckets")) {
            assertThat(bucket.has("lower_bound") && bucket.has("upper_bound")).isTrue();
            bucketTotal += bucket.get("count").asLong();
        }
        assertThat(bucketTotal).isEqualTo(5587);
        JsonNode text = findFeature(statistics, "cat_country");
        assertThat(text.get("inferred_type").asText()).isEqualTo("String");
        assertThat(text.at("/string_statistics/distinct_count").asLong())
                .isEqualTo(profile.column("cat_country").frequencies().counts().size());
        assertThat(text.at("/string_statistics/distribution/categorical/buckets/0/value").isTextual()).isTrue();

        DatasetProfile read = SageMakerStatistics.read("statistics.json",
                Json.mapper().readTree(Json.mapper().writeValueAsString(statistics)));
        ColumnProfile original = profile.column("num_with_nulls");
        ColumnProfile back = read.column("num_with_nulls");
        assertThat(back.count()).isEqualTo(original.count());
        assertThat(back.nulls()).isEqualTo(original.nulls());
        assertThat(back.numeric().stdDev()).isCloseTo(original.numeric().stdDev(), within(1e-12));
        assertThat(back.numeric().sketch().levels()).hasSameSizeAs(original.numeric().sketch().levels());
        assertThat(read.column("cat_country").frequencies()).isEqualTo(profile.column("cat_country").frequencies());
        ObjectNode again = SageMakerStatistics.write(read);
        // std_dev goes population -> sample -> population: equal up to rounding, so compare it apart
        for (int i = 0; i < statistics.get("features").size(); i++) {
            JsonNode before = statistics.at("/features/" + i + "/numerical_statistics");
            JsonNode after = again.at("/features/" + i + "/numerical_statistics");
            if (before.isObject()) {
                assertThat(after.get("std_dev").asDouble()).isCloseTo(before.get("std_dev").asDouble(),
                        within(1e-12 * before.get("std_dev").asDouble()));
                ((ObjectNode) before).remove("std_dev");
                ((ObjectNode) after).remove("std_dev");
            }
        }
        assertThat(again.equals(statistics)).as("statistics.json survives a round trip").isTrue();
    }

    @Test
    void sageMakerConstraintsRoundTripIntoDriftChecks() throws Exception {
        DatasetProfile profile = baselineProfile();
        ObjectNode constraints = SageMakerConstraints.write(profile);
        JsonNode feature = findFeature(constraints, "num_with_nulls");
        assertThat(feature.get("completeness").asDouble()).isCloseTo(5587 / 6000.0, within(1e-12));
        assertThat(feature.at("/num_constraints/is_non_negative").isBoolean()).isTrue();
        assertThat(findFeature(constraints, "cat_segment").at("/string_constraints/domains")).hasSize(4);
        assertThat(constraints.at("/monitoring_config/distribution_constraints/comparison_threshold").asDouble())
                .isEqualTo(0.1);

        DriftConfig config = SageMakerConstraints.read("constraints.json", constraints);
        assertThat(config.types()).containsEntry("num_normal", ColumnKind.NUMERIC)
                .containsEntry("cat_segment", ColumnKind.CATEGORICAL);
        assertThat(config.checksFor("num_normal", ColumnKind.NUMERIC)).singleElement()
                .satisfies(check -> assertThat(check.metric()).isEqualTo(DriftMetric.KS_STATISTIC));
        assertThat(config.checksFor("cat_segment", ColumnKind.CATEGORICAL)).singleElement()
                .satisfies(check -> assertThat(check.metric()).isEqualTo(DriftMetric.LINF));

        ObjectNode chiSquared = constraints.deepCopy();
        ((ObjectNode) chiSquared.at("/monitoring_config/distribution_constraints"))
                .put("categorical_drift_method", "ChiSquared");
        ((ObjectNode) chiSquared.at("/features/0")).putObject("monitoringConfigOverrides")
                .putObject("distribution_constraints").put("perform_comparison", "Disabled");
        DriftConfig overridden = SageMakerConstraints.read("constraints.json", chiSquared);
        assertThat(overridden.checksFor("cat_segment", ColumnKind.CATEGORICAL).get(0).metric())
                .isEqualTo(DriftMetric.CHI2_PVALUE);
        String first = chiSquared.at("/features/0/name").asText();
        assertThat(overridden.checksFor(first, ColumnKind.NUMERIC)).isEmpty();

        ((ObjectNode) chiSquared.at("/monitoring_config/distribution_constraints"))
                .put("categorical_drift_method", "Magic");
        assertThatThrownBy(() -> SageMakerConstraints.read("constraints.json", chiSquared))
                .hasMessageContaining("categorical_drift_method");
    }

    private static JsonNode findFeature(JsonNode root, String name) {
        for (JsonNode feature : root.get("features")) {
            if (feature.get("name").asText().equals(name)) {
                return feature;
            }
        }
        throw new AssertionError("no feature " + name);
    }
}
