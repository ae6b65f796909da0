package io.jenkins.plugins.cd4ml.gates.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SageMaker Model Monitor's {@code statistics.json} ("Schema for Statistics"), read and written so
 * baselines move between SageMaker and cd4ml: {@code version}, {@code dataset.item_count}, and per
 * feature {@code name}, {@code inferred_type}, {@code numerical_statistics} (common counts, mean, sum,
 * std_dev, min, max, KLL buckets and sketch) or {@code string_statistics} (common counts,
 * distinct_count, categorical buckets).
 *
 * <p>SageMaker's {@code std_dev} is the population standard deviation (Deequ's); cd4ml keeps the
 * sample one (ddof 1) and converts both ways.
 */
public final class SageMakerStatistics {
    private SageMakerStatistics() {
    }

    /**
     * @param profile a profile
     * @return the statistics.json document
     */
    public static ObjectNode write(DatasetProfile profile) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("version", 0);
        root.putObject("dataset").put("item_count", profile.rows());
        ArrayNode features = root.putArray("features");
        for (ColumnProfile column : profile.columns()) {
            ObjectNode feature = features.addObject();
            feature.put("name", column.name());
            feature.put("inferred_type", column.type().sageMakerName());
            if (column.numeric() != null) {
                ColumnProfile.NumericSummary numeric = column.numeric();
                ObjectNode stats = feature.putObject("numerical_statistics");
                putCommon(stats, column);
                stats.put("mean", numeric.mean());
                stats.put("sum", numeric.sum());
                ProfileJson.putNumber(stats, "std_dev", populationStdDev(numeric.stdDev(), column.count()));
                stats.put("min", numeric.min());
                stats.put("max", numeric.max());
                ObjectNode kll = stats.putObject("distribution").putObject("kll");
                ProfileJson.writeHistogram(kll.putArray("buckets"), numeric, "lower_bound", "upper_bound");
                ObjectNode sketch = kll.putObject("sketch");
                sketch.putObject("parameters").put("c", numeric.sketch().c()).put("k", numeric.sketch().k());
                ProfileJson.writeLevels(sketch.putArray("data"), numeric.sketch());
            } else {
                ObjectNode stats = feature.putObject("string_statistics");
                putCommon(stats, column);
                ColumnProfile.Frequencies frequencies = column.frequencies();
                stats.put("distinct_count", frequencies == null ? 0 : frequencies.distinct());
                ArrayNode buckets = stats.putObject("distribution").putObject("categorical").putArray("buckets");
                if (frequencies != null) {
                    frequencies.counts().forEach((value, count) -> buckets.addObject().put("value", value)
                            .put("count", count));
                }
            }
        }
        return root;
    }

    private static void putCommon(ObjectNode stats, ColumnProfile column) {
        stats.putObject("common").put("num_present", column.count()).put("num_missing", column.nulls());
    }

    static double populationStdDev(double sample, long n) {
        return n > 1 ? sample * Math.sqrt((n - 1.0) / n) : n == 1 ? 0 : Double.NaN;
    }

    static double sampleStdDev(double population, long n) {
        return n > 1 ? population * Math.sqrt(n / (n - 1.0)) : Double.NaN;
    }

    /**
     * @param source the file name for errors
     * @param root a statistics.json document
     * @return the profile it describes
     * @throws InvalidInputException when a feature lacks its name, type or statistics
     */
    public static DatasetProfile read(String source, JsonNode root) throws InvalidInputException {
        JsonNode features = root.get("features");
        if (features == null || !features.isArray()) {
            throw ProfileJson.invalid(source, "features", "missing (expected SageMaker statistics.json)");
        }
        List<ColumnProfile> columns = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String at = "features[" + i + "]";
            String name = ProfileJson.requireText(source, feature, "name", at);
            InferredType type;
            try {
                type = InferredType.parse(ProfileJson.requireText(source, feature, "inferred_type", at));
            } catch (IllegalArgumentException e) {
                throw ProfileJson.invalid(source, at + ".inferred_type", e.getMessage());
            }
            JsonNode numeric = feature.get("numerical_statistics");
            JsonNode strings = feature.get("string_statistics");
            JsonNode common = (numeric != null ? numeric : strings != null ? strings : feature).path("common");
            long present = common.path("num_present").asLong();
            long missing = common.path("num_missing").asLong();
            ColumnProfile.NumericSummary summary = null;
            ColumnProfile.Frequencies frequencies = null;
            if (numeric != null) {
                JsonNode sketch = numeric.path("distribution").path("kll").path("sketch");
                KllSketch kll = ProfileJson.readSketch(source, sketch.path("parameters").path("k").asInt(KllSketch.DEFAULT_K),
                        sketch.path("parameters").path("c").asDouble(KllSketch.DEFAULT_C), sketch.path("data"),
                        at + ".numerical_statistics.distribution.kll.sketch.data");
                summary = new ColumnProfile.NumericSummary(numeric.path("min").asDouble(), numeric.path("max").asDouble(),
                        numeric.path("mean").asDouble(), sampleStdDev(numeric.path("std_dev").asDouble(), present),
                        numeric.path("sum").asDouble(), kll);
            } else if (strings != null) {
                Map<String, Long> counts = new HashMap<>();
                long counted = 0;
                for (JsonNode bucket : strings.path("distribution").path("categorical").path("buckets")) {
                    long count = bucket.path("count").asLong();
                    counts.put(bucket.path("value").asText(), count);
                    counted += count;
                }
                frequencies = new ColumnProfile.Frequencies(counts, counted == present, present - counted);
            }
            if (type.isNumeric() && summary == null) {
                throw ProfileJson.invalid(source, at, "a numeric feature without numerical_statistics");
            }
            columns.add(new ColumnProfile(name, type, present, missing, summary, frequencies));
        }
        return new DatasetProfile(source, root.path("dataset").path("item_count").asLong(), columns);
    }
}
