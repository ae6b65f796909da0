package io.jenkins.plugins.cd4ml.gates.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a drift configuration from YAML or JSON. The settings may stand alone or sit under a
 * top-level {@code drift:} key, so they can live in an expectations file:
 * <pre>{@code
 * drift:
 *   columns: [income, country]        # optional; default: every column both datasets have
 *   exclude: [id]
 *   types: {zip: categorical}         # override inference
 *   defaults:                         # replace the built-in PSI 0.1 / 0.2 checks
 *     - {metric: psi, threshold: 0.2, severity: failure}
 *   checks:                           # per column; replace the defaults for that column
 *     income:
 *       - {metric: ks_statistic, threshold: 0.1, severity: failure}
 *       - {metric: wasserstein_normed, threshold: 0.1, severity: warning}
 * }</pre>
 * Unknown keys are errors, so a typo never silently disables a check.
 */
public final class DriftConfigParser {
    private static final Set<String> TOP_KEYS = Set.of("columns", "exclude", "types", "defaults", "checks");
    private static final Set<String> CHECK_KEYS = Set.of("metric", "threshold", "severity");

    private DriftConfigParser() {
    }

    /**
     * @param file a YAML or JSON file
     * @return the configuration
     * @throws InvalidInputException naming the file and the offending entry
     */
    public static DriftConfig parse(Path file) throws InvalidInputException {
        String source = file.toString();
        JsonNode root = Json.readUserFile(file, source);
        return parse(source, root);
    }

    /**
     * @param source the file name for errors
     * @param root the parsed document
     * @return the configuration
     * @throws InvalidInputException naming the offending entry
     */
    public static DriftConfig parse(String source, JsonNode root) throws InvalidInputException {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return DriftConfig.defaults();
        }
        if (root.isObject() && root.has("drift")) {
            root = root.get("drift");
        }
        Reader reader = new Reader(source);
        reader.requireObject(root, "drift");
        reader.requireOnlyKeys(root, TOP_KEYS, "drift");
        List<String> columns = reader.strings(root.get("columns"), "drift.columns");
        Set<String> exclude = new HashSet<>(reader.strings(root.get("exclude"), "drift.exclude"));
        Map<String, ColumnKind> types = new LinkedHashMap<>();
        JsonNode typesNode = root.get("types");
        if (typesNode != null) {
            reader.requireObject(typesNode, "drift.types");
            for (Iterator<Map.Entry<String, JsonNode>> it = typesNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                String path = "drift.types." + entry.getKey();
                try {
                    types.put(entry.getKey(), ColumnKind.parse(reader.text(entry.getValue(), path)));
                } catch (IllegalArgumentException e) {
                    throw reader.error(path, e.getMessage());
                }
            }
        }
        List<DriftCheck> defaults = root.has("defaults")
                ? reader.checks(root.get("defaults"), "drift.defaults") : DriftConfig.builtInChecks();
        Map<String, List<DriftCheck>> perColumn = new LinkedHashMap<>();
        JsonNode checksNode = root.get("checks");
        if (checksNode != null) {
            reader.requireObject(checksNode, "drift.checks");
            for (Iterator<Map.Entry<String, JsonNode>> it = checksNode.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                perColumn.put(entry.getKey(), reader.checks(entry.getValue(), "drift.checks." + entry.getKey()));
            }
        }
        return new DriftConfig(columns, exclude, types, defaults, perColumn);
    }

    /**
     * The drift section of a larger document (an expectations file): its top-level {@code drift:}
     * key, if there is one.
     *
     * @param source the file name for errors
     * @param document the parsed document
     * @return the configuration, or empty when the document has no {@code drift:} key
     * @throws InvalidInputException naming the offending entry
     */
    public static java.util.Optional<DriftConfig> section(String source, JsonNode document)
            throws InvalidInputException {
        if (document == null || !document.isObject() || !document.has("drift")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(parse(source, document));
    }

    /**
     * Parses a check written on a command line: {@code METRIC=THRESHOLD[:SEVERITY]}, e.g.
     * {@code psi=0.2:failure} or {@code chi2_pvalue=0.01:warning} (severity defaults to failure).
     *
     * @param text the option value
     * @return the check
     * @throws IllegalArgumentException explaining the expected form
     */
    public static DriftCheck parseCheck(String text) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("expected METRIC=THRESHOLD[:SEVERITY] but found '" + text + "'");
        }
        DriftMetric metric = DriftMetric.parse(text.substring(0, equals));
        String rest = text.substring(equals + 1);
        int colon = rest.indexOf(':');
        Severity severity = colon < 0 ? Severity.FAILURE : Severity.parse(rest.substring(colon + 1));
        String number = colon < 0 ? rest : rest.substring(0, colon);
        try {
            return new DriftCheck(metric, Double.parseDouble(number.trim()), severity);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold '" + number + "' is not a number (in '" + text + "')");
        }
    }

    /** Typed access to the document with errors that name the path of the entry. */
    private record Reader(String source) {
        InvalidInputException error(String path, String problem) {
            return new InvalidInputException(SourceLocation.ofFile(source), "at " + path + ": " + problem);
        }

        void requireObject(JsonNode node, String path) throws InvalidInputException {
            if (!node.isObject()) {
                throw error(path, "found " + describe(node) + " (expected a mapping)");
            }
        }

        void requireOnlyKeys(JsonNode node, Set<String> allowed, String path) throws InvalidInputException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw error(path + "." + key, "unknown key (expected one of " + new java.util.TreeSet<>(allowed) + ")");
                }
            }
        }

        String text(JsonNode node, String path) throws InvalidInputException {
            if (node == null || !node.isValueNode() || node.isNull()) {
                throw error(path, "found " + describe(node) + " (expected a text value)");
            }
            return node.asText();
        }

        List<String> strings(JsonNode node, String path) throws InvalidInputException {
            List<String> values = new ArrayList<>();
            if (node == null) {
                return values;
            }
            if (!node.isArray()) {
                throw error(path, "found " + describe(node) + " (expected a list of column names)");
            }
            for (int i = 0; i < node.size(); i++) {
                values.add(text(node.get(i), path + "[" + i + "]"));
            }
            return values;
        }

        List<DriftCheck> checks(JsonNode node, String path) throws InvalidInputException {
            if (!node.isArray()) {
                throw error(path, "found " + describe(node) + " (expected a list of {metric, threshold, severity})");
            }
            List<DriftCheck> checks = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String at = path + "[" + i + "]";
                JsonNode entry = node.get(i);
                requireObject(entry, at);
                requireOnlyKeys(entry, CHECK_KEYS, at);
                DriftMetric metric;
                try {
                    metric = DriftMetric.parse(text(entry.get("metric"), at + ".metric"));
                } catch (IllegalArgumentException e) {
                    throw error(at + ".metric", e.getMessage());
                }
                JsonNode threshold = entry.get("threshold");
                if (threshold == null || !threshold.isNumber() || !Double.isFinite(threshold.asDouble())) {
                    throw error(at + ".threshold", "found " + describe(threshold) + " (expected a finite number)");
                }
                Severity severity = Severity.FAILURE;
                if (entry.has("severity")) {
                    try {
                        severity = Severity.parse(text(entry.get("severity"), at + ".severity"));
                    } catch (IllegalArgumentException e) {
                        throw error(at + ".severity", e.getMessage());
                    }
                }
                checks.add(new DriftCheck(metric, threshold.asDouble(), severity));
            }
            return checks;
        }

        private static String describe(JsonNode node) {
            if (node == null || node.isMissingNode()) {
                return "nothing";
            }
            return node.isValueNode() ? "'" + node.asText() + "'" : "a " + node.getNodeType().toString().toLowerCase();
        }
    }
}
