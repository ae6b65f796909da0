package io.jenkins.plugins.cd4ml.cli;

import io.jenkins.plugins.cd4ml.gates.quality.BaselineSource;
import io.jenkins.plugins.cd4ml.gates.quality.GateEvaluator;
import io.jenkins.plugins.cd4ml.gates.quality.GateReport;
import io.jenkins.plugins.cd4ml.gates.quality.GatesFile;
import io.jenkins.plugins.cd4ml.gates.quality.GatesFileParser;
import io.jenkins.plugins.cd4ml.json.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cd4ml gate}: evaluates a gates file against a candidate's predictions and, optionally, a
 * baseline model's — the same engine and verdict as the Jenkins {@code qualityGate} step.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Evaluate quality gates (accuracy, fairness, regression vs a baseline) on a predictions file.",
                "The baseline's predictions come from --baseline-predictions (joined by the gates file's id"
                        + " column, else by row order) or from baseline columns of the predictions file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all gates passed", "1:a failure-level gate failed", "2:usage error",
                "3:could not evaluate (bad input, or a gate in state ERROR)",
                "4:unstable (warning-level failures, or INCONCLUSIVE/NO_BASELINE under a warn policy)"})
final class GateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--predictions", required = true, paramLabel = "FILE",
            description = "Evaluation file with the candidate's predictions (CSV or JSON Lines).")
    Path predictions;

    @Option(names = "--gates", required = true, paramLabel = "FILE", description = "Gates file (YAML or JSON).")
    Path gates;

    @Option(names = "--baseline-predictions", paramLabel = "FILE",
            description = "The baseline model's predictions on the same rows.")
    Path baselinePredictions;

    @Option(names = "--baseline-version", paramLabel = "V",
            description = "The baseline's version, named in the report (alone: the baseline is the predictions"
                    + " file's baseline columns).")
    String baselineVersion;

    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (overrides the gates file).")
    Long seed;

    @Option(names = "--resamples", paramLabel = "N",
            description = "Bootstrap resamples, 0 to decide on point estimates (overrides the gates file).")
    Integer resamples;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (format != OutputFormat.text && format != OutputFormat.json) {
            throw new ParameterException(spec.commandLine(), "--format: expected text or json but found " + format);
        }
        if (resamples != null && resamples < 0) {
            throw new ParameterException(spec.commandLine(), "--resamples: expected a number >= 0");
        }
        GatesFile file = GatesFileParser.parse(gates);
        if (seed != null) {
            file = file.withBootstrap(file.bootstrap().withSeed(seed));
        }
        if (resamples != null) {
            file = file.withBootstrap(file.bootstrap().withResamples(resamples));
        }
        GateReport report = GateEvaluator.evaluate(file, predictions, baselineSource(file));
        if (format == OutputFormat.json) {
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(report.toJson()));
        } else {
            spec.commandLine().getOut().print(report.toText());
        }
        spec.commandLine().getOut().flush(); // print() does not flush, and main() exits right after
        return report.verdict().exitCode();
    }

    private BaselineSource baselineSource(GatesFile file) {
        if (baselinePredictions != null) {
            String version = baselineVersion != null ? baselineVersion : baselinePredictions.getFileName().toString();
            return BaselineSource.file(baselinePredictions, version);
        }
        if (baselineVersion != null || file.columns().hasBaselineColumns()) {
            return BaselineSource.sameFile(baselineVersion != null ? baselineVersion : "unversioned");
        }
        return BaselineSource.none();
    }
}
