package io.jenkins.plugins.cd4ml.gates.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * cd4ml's own profile format (documented in {@code docs/drift.md}):
 * <pre>{@code
 * {"schemaVersion": "1.0", "kind": "cd4ml-profile", "profileVersion": 1, "source": "train.csv", "rows": 6000,
 *  "columns": [{"name": "income", "type": "fractional", "count": 5700, "nulls": 300,
 *               "numeric": {"min": …, "max": …, "mean": …, "stddev": …, "sum": …,
 *                           "histogram": [{"lower": …, "upper": …, "count": …}, …],
 *                           "sketch": {"type": "kll", "k": 2048, "c": 0.64, "levels": [[…], […]]}},
 *               "categorical": {"distinct": 12, "complete": true, "other": 0,
 *                               "values": [{"value": "US", "count": 1200}, …]}}]}
 * }</pre>
 */
public final class ProfileJson {
    /** The {@code kind} that marks a cd4ml profile. */
    public static final String KIND = "cd4ml-profile";
    private static final int HISTOGRAM_BUCKETS = 10;

    private ProfileJson() {
    }

    /**
     * @param profile a profile
     * @return its JSON document
     */
    public static ObjectNode write(DatasetProfile profile) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.put("kind", KIND);
        root.put("profileVersion", DatasetProfile.FORMAT_VERSION);
        root.put("source", profile.source());
        root.put("rows", profile.rows());
        ArrayNode columns = root.putArray("columns");
        for (ColumnProfile column : profile.columns()) {
            ObjectNode node = columns.addObject();
            node.put("name", column.name());
            node.put("type", column.type().name().toLowerCase(java.util.Locale.ROOT));
            node.put("count", column.count());
            node.put("nulls", column.nulls());
            if (column.numeric() != null) {
                ColumnProfile.NumericSummary numeric = column.numeric();
                ObjectNode summary = node.putObject("numeric");
                summary.put("min", numeric.min());
                summary.put("max", numeric.max());
                summary.put("mean", numeric.mean());
                putNumber(summary, "stddev", numeric.stdDev());
                summary.put("sum", numeric.sum());
                writeHistogram(summary.putArray("histogram"), numeric, "lower", "upper");
                ObjectNode sketch = summary.putObject("sketch");
                sketch.put("type", "kll");
                sketch.put("k", numeric.sketch().k());
                sketch.put("c", numeric.sketch().c());
                writeLevels(sketch.putArray("levels"), numeric.sketch());
            }
            if (column.frequencies() != null) {
                ColumnProfile.Frequencies frequencies = column.frequencies();
                ObjectNode categorical = node.putObject("categorical");
                categorical.put("distinct", frequencies.distinct());
                categorical.put("complete", frequencies.complete());
                categorical.put("other", frequencies.other());
                ArrayNode values = categorical.putArray("values");
                frequencies.counts().forEach((value, count) -> values.addObject().put("value", value).put("count", count));
            }
        }
        return root;
    }

    static void putNumber(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    static void writeLevels(ArrayNode target, KllSketch sketch) {
        for (double[] level : sketch.levels()) {
            ArrayNode values = target.addArray();
            for (double value : level) {
                values.add(value);
            }
        }
    }

    /** Equal-width buckets between min and max, counts estimated from the sketch. */
    static void writeHistogram(ArrayNode target, ColumnProfile.NumericSummary numeric, String lowerName,
            String upperName) {
        var distribution = numeric.sketch().toDistribution();
        if (distribution.isEmpty()) {
            return;
        }
        double width = (numeric.max() - numeric.min()) / HISTOGRAM_BUCKETS;
        long below = 0;
        for (int i = 0; i < HISTOGRAM_BUCKETS; i++) {
            double lower = numeric.min() + i * width;
            double upper = i == HISTOGRAM_BUCKETS - 1 ? numeric.max() : numeric.min() + (i + 1) * width;
            long atMost = i == HISTOGRAM_BUCKETS - 1 ? distribution.count() : distribution.countAtMost(upper);
            target.addObject().put(lowerName, lower).put(upperName, upper).put("count", atMost - below);
            below = atMost;
            if (width == 0) {
                break;
            }
        }
    }

    /**
     * @param source the file name for errors
     * @param root a document written by {@link #write}
     * @return the profile
     * @throws InvalidInputException when the document is not a cd4ml profile of a known version
     */
    public static DatasetProfile read(String source, JsonNode root) throws InvalidInputException {
        if (!KIND.equals(root.path("kind").asText())) {
            throw invalid(source, "kind", "not a cd4ml profile (expected \"kind\": \"" + KIND + "\")");
        }
        int version = root.path("profileVersion").asInt(-1);
        if (version != DatasetProfile.FORMAT_VERSION) {
            throw invalid(source, "profileVersion", "profile format version " + version + " (expected "
                    + DatasetProfile.FORMAT_VERSION + ")");
        }
        List<ColumnProfile> columns = new ArrayList<>();
        JsonNode columnsNode = root.path("columns");
        for (int i = 0; i < columnsNode.size(); i++) {
            JsonNode node = columnsNode.get(i);
            String at = "columns[" + i + "]";
            String name = requireText(source, node, "name", at);
            InferredType type;
            try {
                type = InferredType.parse(requireText(source, node, "type", at));
            } catch (IllegalArgumentException e) {
                throw invalid(source, at + ".type", e.getMessage());
            }
            ColumnProfile.NumericSummary numeric = null;
            if (node.has("numeric")) {
                JsonNode summary = node.get("numeric");
                JsonNode sketch = summary.path("sketch");
                numeric = new ColumnProfile.NumericSummary(summary.path("min").asDouble(),
                        summary.path("max").asDouble(), summary.path("mean").asDouble(),
                        summary.path("stddev").isNumber() ? summary.get("stddev").asDouble() : Double.NaN,
                        summary.path("sum").asDouble(),
                        readSketch(source, sketch.path("k").asInt(KllSketch.DEFAULT_K),
                                sketch.path("c").asDouble(KllSketch.DEFAULT_C), sketch.path("levels"),
                                at + ".numeric.sketch.levels"));
            }
            ColumnProfile.Frequencies frequencies = null;
            if (node.has("categorical")) {
                JsonNode categorical = node.get("categorical");
                Map<String, Long> counts = new HashMap<>();
                for (JsonNode entry : categorical.path("values")) {
                    counts.put(entry.path("value").asText(), entry.path("count").asLong());
                }
                frequencies = new ColumnProfile.Frequencies(counts, categorical.path("complete").asBoolean(false),
                        categorical.path("other").asLong());
            }
            columns.add(new ColumnProfile(name, type, node.path("count").asLong(), node.path("nulls").asLong(),
                    numeric, frequencies));
        }
        return new DatasetProfile(root.path("source").asText(source), root.path("rows").asLong(), columns);
    }

    static KllSketch readSketch(String source, int k, double c, JsonNode levels, String at)
            throws InvalidInputException {
        if (!levels.isArray()) {
            throw invalid(source, at, "missing sketch levels (expected a list of number lists)");
        }
        List<double[]> data = new ArrayList<>();
        for (JsonNode level : levels) {
            double[] values = new double[level.size()];
            for (int i = 0; i < values.length; i++) {
                if (!level.get(i).isNumber()) {
                    throw invalid(source, at, "found '" + level.get(i).asText() + "' (expected numbers)");
                }
                values[i] = level.get(i).asDouble();
            }
            data.add(values);
        }
        try {
            return KllSketch.of(k, c, data);
        } catch (IllegalArgumentException e) {
            throw invalid(source, at, e.getMessage());
        }
    }

    static String requireText(String source, JsonNode node, String field, String at) throws InvalidInputException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw invalid(source, at + "." + field, "missing or not text");
        }
        return value.asText();
    }

    static InvalidInputException invalid(String source, String path, String problem) {
        return new InvalidInputException(SourceLocation.ofFile(source), "at " + path + ": " + problem);
    }
}
