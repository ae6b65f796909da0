package io.jenkins.plugins.cd4ml.gates.drift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.util.Locale;

/**
 * The JSON form of a {@link DriftReport} (documented in {@code docs/drift.md}):
 * <pre>{@code
 * {"schemaVersion": "1.0", "kind": "drift", "verdict": "FAILED",
 *  "baseline": {"source": "train.csv", "rows": 6000}, "current": {"source": "today.csv", "rows": 4500},
 *  "columns": {"income": {"type": "numeric", "exact": true, "baseline_count": 5587, "current_count": 4188,
 *                         "psi": 0.45, "jensen_shannon": 0.27, "ks_statistic": 0.26, …}},
 *  "missingColumns": [],
 *  "checks": [{"column": "income", "metric": "psi", "threshold": 0.2, "severity": "failure",
 *              "value": 0.45, "status": "FAILED", "message": "…"}]}
 * }</pre>
 * Metric values sit at {@code columns/<name>/<metric>} under the reference vectors' names; an
 * undefined value is {@code null}.
 */
public final class DriftReportJson {
    /** The report's {@code kind}. */
    public static final String KIND = "drift";

    private DriftReportJson() {
    }

    /**
     * @param report a report
     * @return its JSON document
     */
    public static ObjectNode write(DriftReport report) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.put("kind", KIND);
        root.put("verdict", report.verdict().name());
        root.putObject("baseline").put("source", report.baseline()).put("rows", report.baselineRows());
        root.putObject("current").put("source", report.current()).put("rows", report.currentRows());
        ObjectNode columns = root.putObject("columns");
        for (ColumnDrift column : report.columns()) {
            ObjectNode node = columns.putObject(column.name());
            node.put("type", column.kind().key());
            node.put("exact", column.exact());
            node.put("baseline_count", column.baselineCount());
            node.put("current_count", column.currentCount());
            if (column.kind() == ColumnKind.CATEGORICAL && column.problem() == null) {
                node.put("categories", column.categories());
            }
            column.metrics().forEach((metric, value) -> {
                if (metric == DriftMetric.CHI2_DOF) {
                    node.put(metric.key(), value.intValue());
                } else {
                    putNumber(node, metric.key(), value);
                }
            });
            if (column.problem() != null) {
                node.put("status", column.problemStatus().name());
                node.put("problem", column.problem());
            }
        }
        ArrayNode missing = root.putArray("missingColumns");
        report.missingColumns().forEach(missing::add);
        ArrayNode checks = root.putArray("checks");
        for (DriftCheckResult result : report.checks()) {
            ObjectNode node = checks.addObject();
            node.put("column", result.column());
            node.put("metric", result.metric().key());
            node.put("threshold", result.threshold());
            node.put("severity", result.severity().name().toLowerCase(Locale.ROOT));
            putNumber(node, "value", result.value());
            node.put("status", result.status().name());
            node.put("message", result.message());
        }
        return root;
    }

    private static void putNumber(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
