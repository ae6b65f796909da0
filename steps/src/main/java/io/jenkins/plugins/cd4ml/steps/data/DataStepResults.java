package io.jenkins.plugins.cd4ml.steps.data;

import io.jenkins.plugins.cd4ml.gates.datacheck.DataCheckReport;
import io.jenkins.plugins.cd4ml.gates.datacheck.DriftRun;
import io.jenkins.plugins.cd4ml.gates.drift.ColumnDrift;
import io.jenkins.plugins.cd4ml.gates.drift.DriftCheckResult;
import io.jenkins.plugins.cd4ml.gates.drift.DriftMetric;
import io.jenkins.plugins.cd4ml.gates.drift.DriftReport;
import io.jenkins.plugins.cd4ml.gates.expectations.ExpectationResult;
import io.jenkins.plugins.cd4ml.gates.expectations.ValidationReport;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import io.jenkins.plugins.cd4ml.report.TextRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the data steps give back to the Pipeline script and the build log. The maps hold only JDK
 * values ({@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code List}, {@code Map}),
 * since they are kept in the Pipeline program state; their keys are documented in
 * {@code docs/steps.md}.
 */
final class DataStepResults {
    private static final Pattern NOT_ID = Pattern.compile("[^A-Za-z0-9._-]+");

    private DataStepResults() {
    }

    /**
     * @param report a data check
     * @return {@code verdict}, {@code dataset}, {@code rows}, {@code summary}, {@code failed},
     *     {@code unstable}, {@code driftVerdict}, {@code drift}, {@code driftFailed}, {@code error}
     */
    static Map<String, Object> validateData(DataCheckReport report) {
        ValidationReport validation = report.validation();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verdict", report.verdict().name());
        result.put("dataset", validation.dataset());
        result.put("rows", validation.rows());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", validation.summary().total());
        summary.put("passed", validation.summary().passed());
        summary.put("failed", validation.summary().failed());
        summary.put("unstable", validation.summary().unstable());
        result.put("summary", summary);
        result.put("failed", expectationNames(validation, CheckStatus.FAILED));
        result.put("unstable", expectationNames(validation, CheckStatus.UNSTABLE));
        DriftReport drift = report.drift();
        result.put("driftVerdict", drift == null ? null : drift.verdict().name());
        result.put("drift", drift == null ? null : columns(drift));
        result.put("driftFailed", drift == null ? List.of() : driftProblems(drift, CheckStatus.FAILED));
        result.put("driftUnstable", drift == null ? List.of() : driftProblems(drift, CheckStatus.UNSTABLE));
        result.put("error", validation.error() == null ? null : validation.error().message());
        return result;
    }

    /**
     * @param run a drift comparison
     * @return {@code verdict}, {@code baseline}, {@code current}, {@code baselineRows},
     *     {@code currentRows}, {@code columns}, {@code failed}, {@code unstable},
     *     {@code missingColumns}, {@code error}
     */
    static Map<String, Object> detectDrift(DriftRun run) {
        DriftReport report = run.report();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("verdict", run.verdict().name());
        result.put("baseline", run.baseline());
        result.put("current", run.current());
        result.put("baselineRows", report == null ? 0L : report.baselineRows());
        result.put("currentRows", report == null ? 0L : report.currentRows());
        result.put("columns", report == null ? Map.of() : columns(report));
        result.put("failed", report == null ? List.of() : driftProblems(report, CheckStatus.FAILED));
        result.put("unstable", report == null ? List.of() : driftProblems(report, CheckStatus.UNSTABLE));
        result.put("missingColumns", report == null ? List.of() : new ArrayList<>(report.missingColumns()));
        result.put("error", run.error() == null ? null : run.error().message());
        return result;
    }

    /**
     * @param document a report
     * @return the one-line summary for the build log and the step's warning
     */
    static String summaryLine(ReportDocument document) {
        return TextRenderer.summary(document);
    }

    /**
     * @param result a step's result map
     * @param keys list-valued keys naming failed checks
     * @return e.g. {@code "; failed: age: between; driftFailed: income: psi > 0.2"}, or empty
     */
    static String problems(Map<String, Object> result, String... keys) {
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            if (result.get(key) instanceof List<?> names && !names.isEmpty()) {
                text.append("; ").append(key).append(": ");
                for (int i = 0; i < names.size(); i++) {
                    text.append(i == 0 ? "" : ", ").append(names.get(i));
                }
            }
        }
        return text.toString();
    }

    /**
     * @param step the step's name
     * @param path the file the call was about, as the user wrote it
     * @return the report section name, e.g. {@code validateData:data_train.csv}
     */
    static String section(String step, String path) {
        String id = NOT_ID.matcher(path).replaceAll("_");
        if (id.length() > 100) {
            id = id.substring(id.length() - 100);
        }
        return id.isEmpty() ? step : step + ":" + id;
    }

    private static List<String> expectationNames(ValidationReport validation, CheckStatus status) {
        List<String> names = new ArrayList<>();
        for (ExpectationResult result : validation.results()) {
            if (result.status() == status) {
                names.add(result.name());
            }
        }
        return names;
    }

    /** Per column: its kind and every metric by the names of {@code docs/drift.md} (NaN as null). */
    private static Map<String, Object> columns(DriftReport report) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (ColumnDrift column : report.columns()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("type", column.kind().key());
            for (Map.Entry<DriftMetric, Double> metric : column.metrics().entrySet()) {
                double value = metric.getValue();
                values.put(metric.getKey().key(), Double.isNaN(value) ? null : value);
            }
            if (column.problem() != null) {
                values.put("problem", column.problem());
            }
            columns.put(column.name(), values);
        }
        return columns;
    }

    private static List<String> driftProblems(DriftReport report, CheckStatus status) {
        List<String> problems = new ArrayList<>();
        for (DriftCheckResult check : report.checks()) {
            if (check.status() == status) {
                problems.add(check.column() + ": " + check.check().describe());
            }
        }
        if (status == CheckStatus.UNSTABLE) {
            report.missingColumns().forEach(name -> problems.add(name + ": column present"));
        }
        return problems;
    }
}
