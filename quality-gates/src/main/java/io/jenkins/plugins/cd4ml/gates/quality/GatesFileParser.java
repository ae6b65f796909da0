package io.jenkins.plugins.cd4ml.gates.quality;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.cd4ml.gates.metrics.BinaryMetric;
import io.jenkins.plugins.cd4ml.gates.metrics.Metric;
import io.jenkins.plugins.cd4ml.gates.metrics.PredictionSpec;
import io.jenkins.plugins.cd4ml.gates.metrics.Task;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and validates a gates file (YAML, or JSON when the name ends in {@code .json}). Every
 * problem is an {@link InvalidInputException} naming file, line and column and what was expected;
 * unknown keys are errors, so a misspelt {@code max_regresion} cannot silently disable a gate.
 * The format is documented in {@code docs/quality-gates.md}.
 */
public final class GatesFileParser {
    private static final long MAX_BYTES = 1 << 20;
    private static final Set<String> TOP = Set.of("schemaVersion", "task", "columns", "sensitive", "policies",
            "bootstrap", "gates");
    private static final Set<String> COLUMNS = Set.of("label", "score", "prediction", "positive_label", "threshold",
            "baseline_score", "baseline_prediction", "id");
    private static final Set<String> POLICIES = Set.of("no_baseline", "inconclusive", "decide_on");
    private static final Set<String> BOOTSTRAP = Set.of("resamples", "confidence", "seed");
    private static final Set<String> GATE = Set.of("name", "metric", "preset", "slice", "sensitive", "threshold",
            "direction", "min_delta", "max_regression", "min_support", "severity");
    /** The presets a gate may name instead of a metric. */
    public static final Set<String> PRESETS = Set.of("four_fifths");

    private final String source;
    private final Map<String, JsonLocation> locations = new HashMap<>();

    private GatesFileParser(String source) {
        this.source = source;
    }

    /**
     * Parses a gates file.
     *
     * @param file the file
     * @return the validated gates
     * @throws InvalidInputException when the file is missing, malformed or invalid
     */
    public static GatesFile parse(Path file) throws InvalidInputException {
        String source = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(SourceLocation.ofFile(source),
                        "larger than " + MAX_BYTES + " bytes (expected a small gates file)");
            }
            return parse(source, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(SourceLocation.ofFile(source), "file not found");
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(source), "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses gates from text.
     *
     * @param source the file name for errors (JSON when it ends in {@code .json}, else YAML)
     * @param content the text
     * @return the validated gates
     * @throws InvalidInputException when the text is malformed or invalid
     */
    public static GatesFile parse(String source, String content) throws InvalidInputException {
        return new GatesFileParser(source).read(content);
    }

    private GatesFile read(String content) throws InvalidInputException {
        ObjectMapper mapper = source.toLowerCase(Locale.ROOT).endsWith(".json") ? Json.mapper() : Json.yaml();
        JsonNode root;
        try {
            indexLocations(mapper, content);
            root = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidInputException(at == null ? SourceLocation.ofFile(source)
                    : new SourceLocation(source, at.getLineNr(), at.getColumnNr()),
                    "malformed " + (mapper == Json.mapper() ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidInputException(SourceLocation.ofFile(source),
                    "the file is empty (expected a mapping with 'task', 'columns' and 'gates')");
        }
        requireObject(root, "", TOP);
        Task task = task(root);
        PredictionSpec columns = columns(root, task);
        GatePolicies policies = policies(root.get("policies"));
        BootstrapSettings bootstrap = bootstrap(root.get("bootstrap"));
        List<String> defaultSensitive = root.has("sensitive") ? strings(root.get("sensitive"), "/sensitive") : List.of();
        JsonNode gatesNode = root.get("gates");
        if (gatesNode == null || !gatesNode.isArray() || gatesNode.isEmpty()) {
            throw error(gatesNode == null ? "" : "/gates", "expected 'gates': a non-empty list of gates");
        }
        List<GateDefinition> gates = new ArrayList<>();
        for (int i = 0; i < gatesNode.size(); i++) {
            gates.add(gate(gatesNode.get(i), "/gates/" + i, task, defaultSensitive));
        }
        return new GatesFile(source, columns, policies, bootstrap, gates, defaultSensitive);
    }

    private Task task(JsonNode root) throws InvalidInputException {
        JsonNode node = root.get("task");
        if (node == null) {
            throw error("", "missing 'task' (expected binary, multiclass or regression)");
        }
        try {
            return Task.parse(text(node, "/task"));
        } catch (IllegalArgumentException e) {
            throw error("/task", e.getMessage());
        }
    }

    private PredictionSpec columns(JsonNode root, Task task) throws InvalidInputException {
        JsonNode node = root.get("columns");
        if (node == null) {
            throw error("", "missing 'columns' (expected at least 'label')");
        }
        requireObject(node, "/columns", COLUMNS);
        if (!node.has("label")) {
            throw error("/columns", "missing 'label' (expected the name of the label column)");
        }
        Double threshold = node.has("threshold") ? number(node.get("threshold"), "/columns/threshold") : null;
        return new PredictionSpec(task, text(node.get("label"), "/columns/label"),
                optionalText(node, "score", "/columns"), optionalText(node, "prediction", "/columns"),
                optionalText(node, "positive_label", "/columns"), threshold, List.of(),
                optionalText(node, "baseline_score", "/columns"), optionalText(node, "baseline_prediction", "/columns"),
                optionalText(node, "id", "/columns"));
    }

    private GatePolicies policies(JsonNode node) throws InvalidInputException {
        if (node == null) {
            return GatePolicies.DEFAULT;
        }
        requireObject(node, "/policies", POLICIES);
        GatePolicies d = GatePolicies.DEFAULT;
        return new GatePolicies(
                node.has("no_baseline") ? action(node.get("no_baseline"), "/policies/no_baseline") : d.noBaseline(),
                node.has("inconclusive") ? action(node.get("inconclusive"), "/policies/inconclusive") : d.inconclusive(),
                node.has("decide_on") ? rule(node.get("decide_on"), "/policies/decide_on") : d.decideOn());
    }

    private BootstrapSettings bootstrap(JsonNode node) throws InvalidInputException {
        if (node == null) {
            return BootstrapSettings.DEFAULT;
        }
        requireObject(node, "/bootstrap", BOOTSTRAP);
        BootstrapSettings d = BootstrapSettings.DEFAULT;
        int resamples = node.has("resamples") ? (int) integer(node.get("resamples"), "/bootstrap/resamples", 0, 1_000_000)
                : d.resamples();
        double confidence = node.has("confidence") ? number(node.get("confidence"), "/bootstrap/confidence")
                : d.confidence();
        if (!(confidence > 0 && confidence < 1)) {
            throw error("/bootstrap/confidence", "expected a confidence level between 0 and 1 (exclusive), e.g. 0.95");
        }
        long seed = node.has("seed") ? integer(node.get("seed"), "/bootstrap/seed", Long.MIN_VALUE, Long.MAX_VALUE)
                : d.seed();
        return new BootstrapSettings(resamples, confidence, seed);
    }

    private GateDefinition gate(JsonNode node, String at, Task task, List<String> defaultSensitive)
            throws InvalidInputException {
        requireObject(node, at, GATE);
        Metric metric;
        Double threshold = node.has("threshold") ? number(node.get("threshold"), at + "/threshold") : null;
        Direction direction = node.has("direction") ? direction(node.get("direction"), at + "/direction") : null;
        if (node.has("preset")) {
            String preset = text(node.get("preset"), at + "/preset");
            if (!PRESETS.contains(preset)) {
                throw error(at + "/preset", "unknown preset '" + preset + "' (expected one of " + PRESETS + ")");
            }
            if (node.has("metric") || threshold != null || direction != null) {
                throw error(at + "/preset", "preset 'four_fifths' sets metric, threshold and direction"
                        + " (expected no 'metric', 'threshold' or 'direction' next to it)");
            }
            if (task != Task.BINARY) {
                throw error(at + "/preset", "the four-fifths rule applies to binary classifiers (task is "
                        + task.reportName() + ")");
            }
            metric = BinaryMetric.DISPARATE_IMPACT;
            threshold = BinaryMetric.FOUR_FIFTHS;
            direction = Direction.AT_LEAST;
        } else {
            if (!node.has("metric")) {
                throw error(at, "missing 'metric' (expected a metric name or a 'preset')");
            }
            String id = text(node.get("metric"), at + "/metric");
            metric = Metric.find(task, id).orElseThrow(() -> error(at + "/metric", "unknown metric '" + id
                    + "' for task " + task.reportName() + " (expected one of "
                    + Metric.all(task).stream().map(Metric::id).collect(Collectors.joining(", ")) + ")"));
        }
        if (direction == null) {
            direction = metric.higherIsBetter() ? Direction.AT_LEAST : Direction.AT_MOST;
        }
        List<String> sensitive = node.has("sensitive") ? strings(node.get("sensitive"), at + "/sensitive")
                : metric.needsGroups() ? defaultSensitive : List.of();
        if (metric.needsGroups() && sensitive.isEmpty()) {
            throw error(at, "metric '" + metric.id() + "' compares groups (expected 'sensitive' naming the"
                    + " sensitive column(s), here or at the top of the file)");
        }
        if (!metric.needsGroups() && node.has("sensitive")) {
            throw error(at + "/sensitive", "metric '" + metric.id() + "' does not compare groups (expected"
                    + " 'sensitive' only on fairness metrics; use 'slice' to restrict rows)");
        }
        Map<String, String> slice = node.has("slice") ? slice(node.get("slice"), at + "/slice") : Map.of();
        Double minDelta = node.has("min_delta") ? number(node.get("min_delta"), at + "/min_delta") : null;
        Double maxRegression = node.has("max_regression")
                ? number(node.get("max_regression"), at + "/max_regression") : null;
        if (maxRegression != null && maxRegression < 0) {
            throw error(at + "/max_regression", "expected a number >= 0 (how much worse than the baseline is allowed)");
        }
        if (threshold == null && minDelta == null && maxRegression == null) {
            throw error(at, "gate checks nothing (expected 'threshold', 'min_delta' or 'max_regression')");
        }
        int minSupport = node.has("min_support")
                ? (int) integer(node.get("min_support"), at + "/min_support", 0, Integer.MAX_VALUE) : 0;
        Severity severity = Severity.FAILURE;
        if (node.has("severity")) {
            try {
                severity = Severity.parse(text(node.get("severity"), at + "/severity"));
            } catch (IllegalArgumentException e) {
                throw error(at + "/severity", e.getMessage());
            }
        }
        String name = node.has("name") ? text(node.get("name"), at + "/name")
                : GateDefinition.defaultName(metric, slice, sensitive);
        return new GateDefinition(name, metric.id(), slice, sensitive, threshold, direction, minDelta, maxRegression,
                minSupport, severity, locate(at));
    }

    private Map<String, String> slice(JsonNode node, String at) throws InvalidInputException {
        if (!node.isObject() || node.isEmpty()) {
            throw error(at, "expected a mapping of column to value, e.g. {sex: F}");
        }
        Map<String, String> slice = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw error(at + "/" + entry.getKey(), "expected a single value of column '" + entry.getKey() + "'");
            }
            slice.put(entry.getKey(), value.asText());
        }
        return slice;
    }

    private void requireObject(JsonNode node, String at, Set<String> allowed) throws InvalidInputException {
        if (!node.isObject()) {
            throw error(at, "expected a mapping with keys " + sorted(allowed) + " but found " + kind(node));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new InvalidInputException(locateKey(at + "/" + escape(key)),
                        "unknown key '" + key + "' (expected one of " + sorted(allowed) + ")");
            }
        }
    }

    private String text(JsonNode node, String at) throws InvalidInputException {
        if (node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank()) {
            throw error(at, "expected a non-empty text but found " + kind(node));
        }
        return node.asText();
    }

    private String optionalText(JsonNode parent, String key, String at) throws InvalidInputException {
        return parent.has(key) ? text(parent.get(key), at + "/" + key) : null;
    }

    private double number(JsonNode node, String at) throws InvalidInputException {
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw error(at, "expected a number but found " + kind(node));
        }
        return node.asDouble();
    }

    private long integer(JsonNode node, String at, long min, long max) throws InvalidInputException {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            throw error(at, "expected a whole number" + (min == 0 ? " >= 0" : "") + " but found " + kind(node));
        }
        return node.asLong();
    }

    private List<String> strings(JsonNode node, String at) throws InvalidInputException {
        List<String> values = new ArrayList<>();
        if (node.isValueNode()) {
            values.add(text(node, at));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                values.add(text(node.get(i), at + "/" + i));
            }
        } else {
            throw error(at, "expected a column name or a non-empty list of column names");
        }
        return values;
    }

    private PolicyAction action(JsonNode node, String at) throws InvalidInputException {
        String value = text(node, at).toLowerCase(Locale.ROOT);
        for (PolicyAction action : PolicyAction.values()) {
            if (action.id().equals(value)) {
                return action;
            }
        }
        throw error(at, "expected pass, warn or fail but found '" + node.asText() + "'");
    }

    private DecisionRule rule(JsonNode node, String at) throws InvalidInputException {
        String value = text(node, at).toLowerCase(Locale.ROOT);
        for (DecisionRule rule : DecisionRule.values()) {
            if (rule.id().equals(value)) {
                return rule;
            }
        }
        throw error(at, "expected confidence or point but found '" + node.asText() + "'");
    }

    private Direction direction(JsonNode node, String at) throws InvalidInputException {
        String value = text(node, at).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "at_least", ">=", "min", "higher" -> Direction.AT_LEAST;
            case "at_most", "<=", "max", "lower" -> Direction.AT_MOST;
            default -> throw error(at, "expected at_least or at_most but found '" + node.asText() + "'");
        };
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return (node.isNumber() ? "the number " : node.isBoolean() ? "the boolean " : "the text ") + "'"
                + node.asText() + "'";
    }

    private static String sorted(Set<String> keys) {
        return keys.stream().sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private InvalidInputException error(String pointer, String problem) {
        return new InvalidInputException(locate(pointer), problem);
    }

    private SourceLocation locate(String pointer) {
        String at = pointer;
        while (true) {
            JsonLocation location = locations.get(at);
            if (location != null) {
                return new SourceLocation(source, location.getLineNr(), location.getColumnNr());
            }
            if (at.isEmpty()) {
                return SourceLocation.ofFile(source);
            }
            at = at.substring(0, at.lastIndexOf('/'));
        }
    }

    private SourceLocation locateKey(String pointer) {
        JsonLocation location = locations.get("key:" + pointer);
        return location == null ? locate(pointer)
                : new SourceLocation(source, location.getLineNr(), location.getColumnNr());
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Records where each value (by JSON pointer) and each key starts, for precise errors. */
    private void indexLocations(ObjectMapper mapper, String content) throws JsonProcessingException {
        try (JsonParser parser = mapper.getFactory().createParser(content)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                if (token == JsonToken.FIELD_NAME) {
                    locations.put("key:" + parser.getParsingContext().pathAsPointer(), parser.currentTokenLocation());
                    continue;
                }
                boolean container = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
                var context = container ? parser.getParsingContext().getParent() : parser.getParsingContext();
                String pointer = context == null ? "" : context.pathAsPointer().toString();
                locations.putIfAbsent(pointer, parser.currentTokenLocation());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
    }
}
