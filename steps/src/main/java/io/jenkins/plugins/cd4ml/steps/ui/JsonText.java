package io.jenkins.plugins.cd4ml.steps.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Tolerant reads of report JSON: a missing, null or oddly typed field gives an empty value, never
 * an exception, so a build recorded by an older or newer plugin still shows what it can.
 */
final class JsonText {
    private JsonText() {
    }

    /** @return the first of the fields that is present, as text ("" if none) */
    static String text(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull() && !value.isMissingNode()) {
                return value.isValueNode() ? format(value) : value.toString();
            }
        }
        return "";
    }

    /** @return the first of the fields that is a number */
    static OptionalDouble number(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isNumber()) {
                return OptionalDouble.of(value.doubleValue());
            }
        }
        return OptionalDouble.empty();
    }

    /** @return the elements of the first of the fields that is an array */
    static List<JsonNode> array(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isArray()) {
                List<JsonNode> elements = new ArrayList<>();
                value.forEach(elements::add);
                return elements;
            }
        }
        return List.of();
    }

    /** @return the first of the fields that is an object, or an empty object node */
    static JsonNode object(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isObject()) {
                return value;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static String format(JsonNode value) {
        if (value.isNumber()) {
            return format(value.doubleValue());
        }
        return value.asText();
    }

    /** Numbers as users read them: integers without a fraction, others with four significant digits. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
