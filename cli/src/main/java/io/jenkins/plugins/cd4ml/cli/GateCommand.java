package io.jenkins.plugins.cd4ml.cli;

import io.jenkins.plugins.cd4ml.gates.quality.BaselineSource;
import io.jenkins.plugins.cd4ml.gates.quality.GateEvaluator;
import io.jenkins.plugins.cd4ml.gates.quality.GateReport;
import io.jenkins.plugins.cd4ml.gates.quality.GatesFile;
import io.jenkins.plugins.cd4ml.gates.quality.GatesFileParser;
import io.jenkins.plugins.cd4ml.gates.quality.RegistryBaselineSource;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import io.jenkins.plugins.cd4ml.report.HtmlRenderer;
import io.jenkins.plugins.cd4ml.report.JunitXmlRenderer;
import io.jenkins.plugins.cd4ml.report.MarkdownRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
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
                "The baseline's predictions come from the model registry (--registry DIR --model NAME: the"
                        + " version --baseline-alias serves, with its stored evaluation predictions), from"
                        + " --baseline-predictions (joined by the gates file's id column, else by row order) or from"
                        + " baseline columns of the predictions file."},
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

    @Option(names = "--registry", paramLabel = "DIR",
            description = "Model registry store: the baseline is the version --baseline-alias points at.")
    Path registry;

    @Option(names = "--backend", paramLabel = "BACKEND", defaultValue = "embedded",
            description = "Registry backend for --registry (default: ${DEFAULT-VALUE}; only embedded here,"
                    + " use a predictions file exported with 'cd4ml registry' for the others).")
    String backend;

    @Option(names = "--model", paramLabel = "NAME", description = "The registered model (with --registry).")
    String model;

    @Option(names = "--baseline-alias", paramLabel = "ALIAS", defaultValue = RegistryBaselineSource.DEFAULT_ALIAS,
            description = "The alias naming the serving version (default: ${DEFAULT-VALUE}).")
    String baselineAlias;

    @Option(names = "--evaluation-data", paramLabel = "FILE",
            description = "The evaluation data set the predictions were made on; its digest must match the one"
                    + " recorded on the baseline version (default: the predictions file stands for the data).")
    Path evaluationData;

    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (overrides the gates file).")
    Long seed;

    @Option(names = "--resamples", paramLabel = "N",
            description = "Bootstrap resamples, 0 to decide on point estimates (overrides the gates file).")
    Integer resamples;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, junit, markdown or html.")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (resamples != null && resamples < 0) {
            throw new ParameterException(spec.commandLine(), "--resamples: expected a number >= 0");
        }
        if (registry != null && (baselinePredictions != null || baselineVersion != null)) {
            throw new ParameterException(spec.commandLine(),
                    "--registry and --baseline-predictions/--baseline-version name two baselines; give one");
        }
        if (registry != null && model == null) {
            throw new ParameterException(spec.commandLine(), "--registry needs --model NAME");
        }
        if (!"embedded".equals(backend)) {
            throw new ParameterException(spec.commandLine(), "--backend: only 'embedded' is supported by gate");
        }
        GatesFile file = GatesFileParser.parse(gates);
        if (seed != null) {
            file = file.withBootstrap(file.bootstrap().withSeed(seed));
        }
        if (resamples != null) {
            file = file.withBootstrap(file.bootstrap().withResamples(resamples));
        }
        String dataDigest = evaluationData == null ? null : ContentDigest.sha256Input(evaluationData);
        GateReport report;
        if (registry != null) {
            Path work = Files.createTempDirectory("cd4ml-baseline");
            try (ModelRegistry models = EmbeddedModelRegistry.open(registry)) {
                report = GateEvaluator.evaluate(file, predictions,
                        new RegistryBaselineSource(models, model, baselineAlias, work), dataDigest);
            } finally {
                deleteTree(work);
            }
        } else {
            report = GateEvaluator.evaluate(file, predictions, baselineSource(file), dataDigest);
        }
        spec.commandLine().getOut().print(render(report));
        spec.commandLine().getOut().flush(); // print() does not flush, and main() exits right after
        return report.verdict().exitCode();
    }

    private String render(GateReport report) throws IOException {
        return switch (format) {
            case text -> report.toText();
            case json -> Json.mapper().writeValueAsString(report.toJson()) + "\n";
            case junit -> JunitXmlRenderer.render(report.toDocument(), "cd4ml.gate");
            case markdown -> MarkdownRenderer.render(report.toDocument());
            case html -> HtmlRenderer.render(report.toDocument());
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
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
