package io.jenkins.plugins.cd4ml.cli;

import io.jenkins.plugins.cd4ml.gates.baseline.DriftEngine;
import io.jenkins.plugins.cd4ml.gates.drift.ColumnDrift;
import io.jenkins.plugins.cd4ml.gates.drift.ColumnKind;
import io.jenkins.plugins.cd4ml.gates.drift.DriftCheck;
import io.jenkins.plugins.cd4ml.gates.drift.DriftCheckResult;
import io.jenkins.plugins.cd4ml.gates.drift.DriftConfig;
import io.jenkins.plugins.cd4ml.gates.drift.DriftConfigParser;
import io.jenkins.plugins.cd4ml.gates.drift.DriftMetric;
import io.jenkins.plugins.cd4ml.gates.drift.DriftReport;
import io.jenkins.plugins.cd4ml.gates.drift.DriftReportJson;
import io.jenkins.plugins.cd4ml.gates.profile.SageMakerConstraints;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cd4ml drift}: compares current data with a baseline (data file, profile or statistics.json). */
@Command(name = "drift", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare current data with a baseline per column: PSI, Jensen-Shannon, KS, Wasserstein"
                + " (numeric), PSI, Jensen-Shannon, L-infinity, chi-square (categorical).",
                "Default checks: PSI > 0.1 warns, PSI > 0.2 fails. Every metric is reported either way."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no drift check failed", "1:a failure-level drift check failed", "2:usage error",
                "3:could not evaluate (bad or missing input)", "4:only warning-level drift checks failed"})
final class DriftCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", required = true, paramLabel = "FILE|PROFILE",
            description = "Baseline: a data file (CSV, TSV, JSON Lines, .gz), a cd4ml profile (.json) or a"
                    + " SageMaker statistics.json.")
    Path baseline;

    @Option(names = "--current", required = true, paramLabel = "FILE", description = "The current data file.")
    Path current;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Drift configuration (YAML/JSON; standalone or under a top-level 'drift:' key).")
    Path config;

    @Option(names = "--constraints", paramLabel = "FILE",
            description = "A SageMaker constraints.json whose distribution_constraints become the checks.")
    Path constraints;

    @Option(names = "--columns", split = ",", paramLabel = "NAME", description = "Only these columns.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--exclude", split = ",", paramLabel = "NAME", description = "Leave these columns out.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--type", paramLabel = "COLUMN=KIND",
            description = "Declare a column numeric or categorical (overrides inference). Repeatable.")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(names = "--threshold", paramLabel = "METRIC=VALUE[:SEVERITY]",
            description = "A check for every column, replacing the default checks, e.g. psi=0.25:failure,"
                    + " ks_statistic=0.1:warning, chi2_pvalue=0.001. Repeatable.")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output: text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Also write the JSON report to this file.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (format != OutputFormat.text && format != OutputFormat.json) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format " + format + " is not supported by drift (expected text or json)");
        }
        DriftConfig driftConfig = buildConfig();
        DriftReport report = DriftEngine.compare(baseline, current, driftConfig);
        String json = Json.mapper().writeValueAsString(DriftReportJson.write(report));
        if (output != null) {
            Files.writeString(output, json + System.lineSeparator());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(json);
        } else {
            printText(out, report);
        }
        out.flush();
        return report.verdict().exitCode();
    }

    private DriftConfig buildConfig() throws InvalidInputException {
        DriftConfig result = config != null ? DriftConfigParser.parse(config) : DriftConfig.defaults();
        if (constraints != null) {
            DriftConfig fromConstraints = SageMakerConstraints.read(constraints.toString(), readJson(constraints));
            result = new DriftConfig(result.columns(), result.exclude(), merge(fromConstraints.types(), result.types()),
                    fromConstraints.defaultChecks(), fromConstraints.columnChecks());
        }
        if (!columns.isEmpty()) {
            result = result.withColumns(columns);
        }
        if (!exclude.isEmpty()) {
            result = result.withExcluded(Set.copyOf(exclude));
        }
        Map<String, ColumnKind> declared = new LinkedHashMap<>();
        try {
            types.forEach((name, kind) -> declared.put(name, ColumnKind.parse(kind)));
            if (!thresholds.isEmpty()) {
                List<DriftCheck> checks = new ArrayList<>();
                thresholds.forEach(text -> checks.add(DriftConfigParser.parseCheck(text)));
                result = result.withDefaultChecks(checks);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return result.withTypes(declared);
    }

    private static Map<String, ColumnKind> merge(Map<String, ColumnKind> first, Map<String, ColumnKind> second) {
        Map<String, ColumnKind> merged = new LinkedHashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(Path file) throws InvalidInputException {
        try {
            return Json.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()), "file not found");
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()),
                    "malformed JSON: " + e.getMessage(), e);
        }
    }

    private static final DriftMetric[] NUMERIC_COLUMNS = {DriftMetric.PSI, DriftMetric.JENSEN_SHANNON,
        DriftMetric.KS_STATISTIC, DriftMetric.KS_PVALUE, DriftMetric.WASSERSTEIN_NORMED};
    private static final DriftMetric[] CATEGORICAL_COLUMNS = {DriftMetric.PSI, DriftMetric.JENSEN_SHANNON,
        DriftMetric.LINF, DriftMetric.CHI2_PVALUE};

    static void printText(PrintWriter out, DriftReport report) {
        out.printf(Locale.ROOT, "Drift: %s (%d rows) -> %s (%d rows)%n", report.baseline(), report.baselineRows(),
                report.current(), report.currentRows());
        for (ColumnDrift column : report.columns()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s %-11s", column.name(),
                    column.kind().key()));
            if (column.problem() != null) {
                line.append(column.problemStatus()).append(": ").append(column.problem());
            } else {
                for (DriftMetric metric : column.kind() == ColumnKind.NUMERIC ? NUMERIC_COLUMNS : CATEGORICAL_COLUMNS) {
                    line.append(String.format(Locale.ROOT, " %s=%.4g", metric.key(), column.value(metric)));
                }
                if (!column.exact()) {
                    line.append(" (approximate)");
                }
            }
            out.println(line);
        }
        for (String missing : report.missingColumns()) {
            out.printf(Locale.ROOT, "  %-24s missing from the current data%n", missing);
        }
        out.println("Checks:");
        for (DriftCheckResult check : report.checks()) {
            out.printf(Locale.ROOT, "  %-12s %s: %s -- %s%n", check.status(), check.column(),
                    check.check().describe(), check.message());
        }
        out.println("Verdict: " + report.verdict());
    }
}
