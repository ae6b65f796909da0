package io.jenkins.plugins.cd4ml.gates.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.gates.drift.ColumnKind;
import io.jenkins.plugins.cd4ml.gates.drift.DriftCheck;
import io.jenkins.plugins.cd4ml.gates.drift.DriftConfig;
import io.jenkins.plugins.cd4ml.gates.drift.DriftMetric;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SageMaker Model Monitor's {@code constraints.json} ("Schema for Constraints"): written from a
 * profile (completeness, non-negativity, small string domains, monitoring_config with distribution
 * constraints), and read as a drift configuration:
 * <ul>
 * <li>{@code distribution_constraints.comparison_threshold} → numeric columns fail when
 *     {@code ks_statistic} (the largest CDF gap, what SageMaker's distance compares) exceeds it;</li>
 * <li>{@code categorical_comparison_threshold} with {@code categorical_drift_method} {@code LInfinity}
 *     → {@code linf} above it fails; with {@code ChiSquared} → {@code chi2_pvalue} below it fails;</li>
 * <li>{@code perform_comparison: Disabled} → no drift checks (metrics are still reported);</li>
 * <li>a feature's {@code monitoringConfigOverrides.distribution_constraints} replaces these for it;</li>
 * <li>{@code inferred_type} declares the column's kind.</li>
 * </ul>
 */
public final class SageMakerConstraints {
    /** SageMaker's default drift threshold. */
    public static final double DEFAULT_THRESHOLD = 0.1;
    /** Domains are written for string features with at most this many values (SageMaker: "small cardinality"). */
    public static final int MAX_DOMAIN = 20;

    private SageMakerConstraints() {
    }

    /**
     * @param profile a profile
     * @return a constraints.json document suggested from it
     */
    public static ObjectNode write(DatasetProfile profile) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("version", 0);
        ArrayNode features = root.putArray("features");
        for (ColumnProfile column : profile.columns()) {
            ObjectNode feature = features.addObject();
            feature.put("name", column.name());
            feature.put("inferred_type", column.type().sageMakerName());
            long rows = column.count() + column.nulls();
            feature.put("completeness", rows == 0 ? 0.0 : (double) column.count() / rows);
            if (column.numeric() != null) {
                feature.putObject("num_constraints").put("is_non_negative", column.numeric().min() >= 0);
            } else if (column.frequencies() != null && column.frequencies().complete()
                    && column.frequencies().counts().size() <= MAX_DOMAIN) {
                ArrayNode domains = feature.putObject("string_constraints").putArray("domains");
                column.frequencies().counts().keySet().stream().sorted().forEach(domains::add);
            }
        }
        ObjectNode config = root.putObject("monitoring_config");
        config.put("evaluate_constraints", "Enabled");
        config.put("emit_metrics", "Enabled");
        config.put("datatype_check_threshold", 0.1);
        config.put("domain_content_threshold", 0.1);
        ObjectNode distribution = config.putObject("distribution_constraints");
        distribution.put("perform_comparison", "Enabled");
        distribution.put("comparison_threshold", DEFAULT_THRESHOLD);
        distribution.put("comparison_method", "Robust");
        distribution.put("categorical_comparison_threshold", DEFAULT_THRESHOLD);
        distribution.put("categorical_drift_method", "LInfinity");
        return root;
    }

    /**
     * @param source the file name for errors
     * @param root a constraints.json document
     * @return the drift configuration it implies
     * @throws InvalidInputException for an unknown drift method or a feature without a name
     */
    public static DriftConfig read(String source, JsonNode root) throws InvalidInputException {
        JsonNode distribution = root.path("monitoring_config").path("distribution_constraints");
        List<DriftCheck> defaults = checks(source, distribution, "monitoring_config.distribution_constraints");
        Map<String, ColumnKind> types = new LinkedHashMap<>();
        Map<String, List<DriftCheck>> perColumn = new LinkedHashMap<>();
        JsonNode features = root.path("features");
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String at = "features[" + i + "]";
            String name = ProfileJson.requireText(source, feature, "name", at);
            if (feature.has("inferred_type")) {
                try {
                    InferredType type = InferredType.parse(feature.get("inferred_type").asText());
                    if (type != InferredType.UNKNOWN) {
                        types.put(name, type.isNumeric() ? ColumnKind.NUMERIC : ColumnKind.CATEGORICAL);
                    }
                } catch (IllegalArgumentException e) {
                    throw ProfileJson.invalid(source, at + ".inferred_type", e.getMessage());
                }
            }
            JsonNode override = feature.path("monitoringConfigOverrides").path("distribution_constraints");
            if (override.isObject()) {
                perColumn.put(name, checks(source, merge(distribution, override),
                        at + ".monitoringConfigOverrides.distribution_constraints"));
            }
        }
        return new DriftConfig(List.of(), Set.of(), types, defaults, perColumn);
    }

    private static JsonNode merge(JsonNode base, JsonNode override) {
        ObjectNode merged = base.isObject() ? ((ObjectNode) base).deepCopy() : Json.mapper().createObjectNode();
        merged.setAll((ObjectNode) override);
        return merged;
    }

    private static List<DriftCheck> checks(String source, JsonNode distribution, String at)
            throws InvalidInputException {
        List<DriftCheck> checks = new ArrayList<>();
        if ("Disabled".equalsIgnoreCase(distribution.path("perform_comparison").asText("Enabled"))) {
            return checks;
        }
        checks.add(new DriftCheck(DriftMetric.KS_STATISTIC,
                distribution.path("comparison_threshold").asDouble(DEFAULT_THRESHOLD), Severity.FAILURE));
        double categorical = distribution.path("categorical_comparison_threshold").asDouble(DEFAULT_THRESHOLD);
        String method = distribution.path("categorical_drift_method").asText("LInfinity");
        if (method.equalsIgnoreCase("LInfinity")) {
            checks.add(new DriftCheck(DriftMetric.LINF, categorical, Severity.FAILURE));
        } else if (method.equalsIgnoreCase("ChiSquared")) {
            checks.add(new DriftCheck(DriftMetric.CHI2_PVALUE, categorical, Severity.FAILURE));
        } else {
            throw ProfileJson.invalid(source, at + ".categorical_drift_method",
                    "'" + method + "' (expected LInfinity or ChiSquared)");
        }
        return checks;
    }
}
