package io.jenkins.plugins.cd4ml.gates.expectations;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.data.ColumnType;
import io.jenkins.plugins.cd4ml.data.InvalidValueException;
import io.jenkins.plugins.cd4ml.data.Values;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and validates an expectations file (YAML, or JSON by extension {@code .json}). Every
 * mistake is reported with file, line and column and what was expected; nothing is guessed.
 */
public final class ExpectationsParser {
    // "drift" belongs to DriftConfigParser (read by DataCheckRun when a baseline is given)
    private static final Set<String> TOP_LEVEL = Set.of("version", "description", "expectations", "drift");
    private static final Set<ExpectationType> RANGE_KINDS = Set.of(ExpectationType.BETWEEN, ExpectationType.LENGTH,
            ExpectationType.DATE_RANGE, ExpectationType.ROW_COUNT, ExpectationType.MEAN, ExpectationType.STDDEV,
            ExpectationType.MIN, ExpectationType.MAX, ExpectationType.QUANTILE, ExpectationType.DISTINCT_COUNT);
    private static final Set<ExpectationType> COUNT_KINDS = Set.of(ExpectationType.LENGTH,
            ExpectationType.ROW_COUNT, ExpectationType.DISTINCT_COUNT);

    private ExpectationsParser() {
    }

    /**
     * @param file the expectations file
     * @return its expectations
     * @throws InvalidInputException with file, line and column for any malformed content
     */
    public static ExpectationSuite parse(Path file) throws InvalidInputException {
        LocatedTree tree = LocatedTree.read(file);
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw new InvalidInputException(tree.locate(""), "found " + kind(root)
                    + " (expected a mapping with an 'expectations' list)");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!TOP_LEVEL.contains(key)) {
                throw new InvalidInputException(tree.locateKey("/" + key), "unknown key '" + key
                        + "' (expected one of " + TOP_LEVEL.stream().sorted().toList() + ")");
            }
        }
        JsonNode version = root.get("version");
        if (version != null && !(version.isNumber() && version.asInt() == 1 && version.decimalValue().scale() <= 1
                || version.isTextual() && version.asText().matches("1(\\.0)?"))) {
            throw new InvalidInputException(tree.locate("/version"), "unsupported version " + version
                    + " (expected 1)");
        }
        JsonNode list = root.get("expectations");
        if (list == null) {
            throw new InvalidInputException(tree.locate(""), "missing key 'expectations' (expected a list of expectations)");
        }
        if (!list.isArray()) {
            throw new InvalidInputException(tree.locate("/expectations"), "found " + kind(list)
                    + " (expected a list of expectations)");
        }
        List<Expectation> expectations = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Expectation expectation = new Item(tree, "/expectations/" + i, list.get(i)).parse();
            if (!names.add(expectation.name())) {
                throw new InvalidInputException(expectation.declaredAt(), "duplicate expectation name '"
                        + expectation.name() + "' (expected unique names; set 'name' to tell them apart)");
            }
            expectations.add(expectation);
        }
        return new ExpectationSuite(tree.source(), expectations);
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "nothing (null)";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        return "the text '" + node.asText() + "'";
    }

    /** One list item and its location, parsed into an {@link Expectation}. */
    private record Item(LocatedTree tree, String pointer, JsonNode node) {
        Expectation parse() throws InvalidInputException {
            if (!node.isObject()) {
                throw error("", "found " + kind(node) + " (expected a mapping with a 'type')");
            }
            JsonNode typeNode = node.get("type");
            if (typeNode == null) {
                throw error("", "missing key 'type' (expected one of " + ExpectationType.allIds() + ")");
            }
            if (!typeNode.isTextual()) {
                throw error("/type", "found " + kind(typeNode) + " (expected one of " + ExpectationType.allIds() + ")");
            }
            ExpectationType type = ExpectationType.byId(typeNode.asText());
            if (type == null) {
                throw error("/type", "unknown expectation type '" + typeNode.asText() + "' (expected one of "
                        + ExpectationType.allIds() + ")");
            }
            Set<String> allowed = type.allowedKeys();
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!allowed.contains(key)) {
                    throw new InvalidInputException(tree.locateKey(pointer + "/" + key), "unknown key '" + key
                            + "' for a " + type.id() + " expectation (expected one of " + allowed + ")");
                }
            }
            for (String key : type.requiredKeys().stream().sorted().toList()) {
                if (!node.has(key)) {
                    throw error("", "missing key '" + key + "' for a " + type.id() + " expectation (required: "
                            + type.requiredKeys().stream().sorted().toList() + ")");
                }
            }
            if (RANGE_KINDS.contains(type) && !node.has("min") && !node.has("max")) {
                throw error("", "a " + type.id() + " expectation needs 'min', 'max' or both");
            }
            String column = type == ExpectationType.COMPARE ? text("left") : optionalText("column");
            Severity severity = severity();
            double mostly = fraction("mostly", 1.0, false);
            String min = bound("min", type);
            String max = bound("max", type);
            checkOrder(type, min, max);
            List<String> values = type == ExpectationType.IN_SET ? scalars("values")
                    : type == ExpectationType.COLUMNS_MATCH ? texts("columns") : null;
            String pattern = type == ExpectationType.REGEX ? pattern() : null;
            Double quantile = type == ExpectationType.QUANTILE ? fraction("quantile", 0, true) : null;
            ColumnType columnType = type == ExpectationType.TYPE ? columnType() : null;
            String right = type == ExpectationType.COMPARE ? text("right") : null;
            Operator operator = type == ExpectationType.COMPARE ? operator() : null;
            boolean minExclusive = flag("min_exclusive");
            boolean maxExclusive = flag("max_exclusive");
            String name = node.has("name") ? text("name") : defaultName(type, column, right, operator, quantile, columnType);
            return new Expectation(name, type, column, severity, mostly, min, max, minExclusive, maxExclusive, values, pattern,
                    quantile, columnType, right, operator, tree.locate(pointer));
        }

        private static String defaultName(ExpectationType type, String column, String right, Operator operator,
                Double quantile, ColumnType columnType) {
            return switch (type) {
                case ROW_COUNT, COLUMNS_MATCH -> type.id();
                case COMPARE -> column + " " + operator.symbol() + " " + right;
                case QUANTILE -> column + ": quantile " + Values.formatNumber(quantile);
                case TYPE -> column + ": type " + columnType.id();
                default -> column + ": " + type.id();
            };
        }

        private InvalidInputException error(String key, String problem) {
            return new InvalidInputException(tree.locate(pointer + key), problem);
        }

        private String text(String key) throws InvalidInputException {
            JsonNode value = node.get(key);
            if (value == null || !value.isTextual() || value.asText().isEmpty()) {
                throw value == null ? error("", "missing key '" + key + "'")
                        : error("/" + key, "found " + kind(value) + " for '" + key + "' (expected a non-empty text)");
            }
            return value.asText();
        }

        private String optionalText(String key) throws InvalidInputException {
            return node.has(key) ? text(key) : null;
        }

        private boolean flag(String key) throws InvalidInputException {
            JsonNode value = node.get(key);
            if (value == null) {
                return false;
            }
            if (!value.isBoolean()) {
                throw error("/" + key, "found " + kind(value) + " for '" + key + "' (expected true or false)");
            }
            return value.asBoolean();
        }

        private Severity severity() throws InvalidInputException {
            if (!node.has("severity")) {
                return Severity.FAILURE;
            }
            try {
                return Severity.parse(text("severity"));
            } catch (IllegalArgumentException e) {
                throw error("/severity", e.getMessage());
            }
        }

        private double fraction(String key, double fallback, boolean zeroAllowed) throws InvalidInputException {
            JsonNode value = node.get(key);
            if (value == null) {
                return fallback;
            }
            double number = value.asDouble();
            if (!value.isNumber() || number > 1 || number < 0 || number == 0 && !zeroAllowed) {
                throw error("/" + key, "found " + kind(value) + " for '" + key + "' (expected a number in "
                        + (zeroAllowed ? "[0, 1]" : "(0, 1]") + ")");
            }
            return number;
        }

        private String bound(String key, ExpectationType type) throws InvalidInputException {
            JsonNode value = node.get(key);
            if (value == null) {
                return null;
            }
            if (type == ExpectationType.DATE_RANGE) {
                String text = value.isTextual() ? value.asText() : null;
                try {
                    if (text == null) {
                        throw new InvalidValueException(InvalidValueException.Problem.MALFORMED, "");
                    }
                    Values.parseInstantMicros(text);
                } catch (InvalidValueException e) {
                    throw error("/" + key, "found " + kind(value) + " for '" + key
                            + "' (expected a date yyyy-MM-dd or a timestamp yyyy-MM-dd HH:mm:ss)");
                }
                return text;
            }
            if (!value.isNumber()) {
                throw error("/" + key, "found " + kind(value) + " for '" + key + "' (expected a number)");
            }
            if (COUNT_KINDS.contains(type) && (value.decimalValue().signum() < 0
                    || value.decimalValue().stripTrailingZeros().scale() > 0)) {
                throw error("/" + key, "found " + kind(value) + " for '" + key
                        + "' (expected a whole number >= 0)");
            }
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }

        private void checkOrder(ExpectationType type, String min, String max) throws InvalidInputException {
            if (min == null || max == null) {
                return;
            }
            boolean reversed;
            if (type == ExpectationType.DATE_RANGE) {
                try {
                    reversed = Values.parseInstantMicros(min) > Values.parseInstantMicros(max);
                } catch (InvalidValueException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                reversed = new java.math.BigDecimal(min).compareTo(new java.math.BigDecimal(max)) > 0;
            }
            if (reversed) {
                throw error("/max", "max " + max + " is below min " + min + " (expected min <= max)");
            }
        }

        private List<String> scalars(String key) throws InvalidInputException {
            JsonNode value = node.get(key);
            if (!value.isArray() || value.isEmpty()) {
                throw error("/" + key, "found " + kind(value) + " for '" + key + "' (expected a non-empty list)");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isValueNode() || item.isNull()) {
                    throw error("/" + key + "/" + i, "found " + kind(item) + " (expected a text, number or boolean)");
                }
                out.add(item.isNumber() ? item.decimalValue().stripTrailingZeros().toPlainString() : item.asText());
            }
            return List.copyOf(out);
        }

        private List<String> texts(String key) throws InvalidInputException {
            JsonNode value = node.get(key);
            if (!value.isArray() || value.isEmpty()) {
                throw error("/" + key, "found " + kind(value) + " for '" + key + "' (expected a non-empty list of names)");
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isTextual()) {
                    throw error("/" + key + "/" + i, "found " + kind(value.get(i)) + " (expected a column name)");
                }
                out.add(value.get(i).asText());
            }
            return List.copyOf(out);
        }

        private String pattern() throws InvalidInputException {
            String pattern = text("pattern");
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw error("/pattern", "invalid regular expression: " + e.getDescription() + " near index "
                        + e.getIndex() + " (expected a java.util.regex pattern)");
            }
            return pattern;
        }

        private ColumnType columnType() throws InvalidInputException {
            try {
                return ColumnType.parseName(text("column_type"));
            } catch (IllegalArgumentException e) {
                throw error("/column_type", e.getMessage());
            }
        }

        private Operator operator() throws InvalidInputException {
            Operator operator = Operator.bySymbol(text("op"));
            if (operator == null) {
                throw error("/op", "unknown operator '" + node.get("op").asText()
                        + "' (expected one of <, <=, ==, !=, >=, >)");
            }
            return operator;
        }
    }
}
