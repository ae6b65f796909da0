package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.gates.quality.GateVerdicts;
import io.jenkins.plugins.cd4ml.gates.quality.RegistryBaselineSource;
import io.jenkins.plugins.cd4ml.cli.ExitCodes;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.registry.ApprovalStatus;
import io.jenkins.plugins.cd4ml.registry.BuildRef;
import io.jenkins.plugins.cd4ml.registry.DatasetRef;
import io.jenkins.plugins.cd4ml.registry.GateResult;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Provenance;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cd4ml registry register}: store artifacts and publish a new version. */
@Command(name = "register", description = "Register a new model version from local files.")
final class RegistryRegisterCommand extends RegistrySubcommand {
    @Option(names = "--name", paramLabel = "MODEL", required = true, description = "The registered model.")
    String name;

    @Option(names = "--artifact", paramLabel = "[PATH=]FILE", required = true,
            description = "A file or directory to store (repeatable); a directory adds every file under it. "
                    + "PATH= sets the path inside the model (default: the relative path as given, or the "
                    + "file name for absolute paths).")
    List<String> artifacts;

    @Option(names = "--metric", paramLabel = "NAME=VALUE", description = "An evaluation metric (repeatable).")
    Map<String, Double> metrics = new LinkedHashMap<>();

    @Option(names = "--gate", paramLabel = "NAME=VERDICT",
            description = "A quality gate verdict: PASSED, UNSTABLE, FAILED or ERROR (repeatable).")
    Map<String, Verdict> gates = new LinkedHashMap<>();

    @Option(names = "--gate-report", paramLabel = "FILE",
            description = "A quality-gate JSON report (cd4ml gate --format json): records its gate verdicts and"
                    + " whole-data metrics; a FAILED or ERROR report refuses registration unless"
                    + " --allow-failed-gates (repeatable).")
    List<Path> gateReports = new ArrayList<>();

    @Option(names = "--evaluation-predictions", paramLabel = "FILE",
            description = "The model's predictions on the evaluation data, stored as evaluation/predictions.<ext>:"
                    + " what 'cd4ml gate --registry' compares the next candidate with once this version serves.")
    Path evaluationPredictions;

    @Option(names = "--allow-failed-gates", description = "Register even if a gate failed (recorded).")
    boolean allowFailedGates;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A tag (repeatable).")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A training parameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--training-data", paramLabel = "FILE", description = "Training data (digested; repeatable).")
    List<Path> trainingData = new ArrayList<>();

    @Option(names = "--evaluation-data", paramLabel = "FILE",
            description = "Evaluation data (digested; repeatable).")
    List<Path> evaluationData = new ArrayList<>();

    @Option(names = "--code-revision", paramLabel = "REV", description = "Source revision (e.g. git commit).")
    String codeRevision;

    @Option(names = "--image-digest", paramLabel = "DIGEST", description = "Container image digest.")
    String imageDigest;

    @Option(names = "--build-url", paramLabel = "URL", description = "The CI build's URL.")
    String buildUrl;

    @Option(names = "--job", description = "The CI job's name.")
    String job;

    @Option(names = "--build-number", paramLabel = "N", description = "The CI build's number.")
    long buildNumber;

    @Option(names = "--description", description = "Free text.")
    String description;

    @Option(names = "--by", paramLabel = "USER", description = "Who registers (default: the current user).")
    String by;

    @Option(names = "--status", description = "Initial approval status (default: ${DEFAULT-VALUE}).",
            defaultValue = "PENDING_MANUAL_APPROVAL")
    ApprovalStatus status;

    @Option(names = "--client-token", paramLabel = "TOKEN",
            description = "Idempotency key: a retry with the same token returns the first version.")
    String clientToken;

    @Override
    int run(ModelRegistry registry, PrintWriter out) throws Exception {
        Registration.Builder registration = Registration.builder(model(name)).registeredBy(user(by))
                .description(description).initialStatus(status).clientToken(clientToken)
                .failedGatesAccepted(allowFailedGates);
        for (String artifact : artifacts) {
            addArtifact(registration, artifact);
        }
        if (evaluationPredictions != null) {
            if (!Files.isRegularFile(evaluationPredictions)) {
                throw new InvalidInputException(SourceLocation.ofFile(evaluationPredictions.toString()),
                        "evaluation predictions not found (expected a readable file)");
            }
            registration.artifact(RegistryBaselineSource.predictionsArtifactPath(
                    fileName(evaluationPredictions)), evaluationPredictions);
        }
        boolean reportFailed = false;
        for (Path report : gateReports) {
            GateVerdicts verdicts = GateVerdicts.parse(readReport(report), report.toString());
            verdicts.gates().forEach(registration::gate);
            verdicts.metrics().forEach(registration::metric);
            reportFailed |= verdicts.failed();
        }
        metrics.forEach(registration::metric);
        gates.forEach((gate, verdict) -> registration.gate(new GateResult(gate, verdict, "", "")));
        if (!allowFailedGates && (reportFailed || gates.containsValue(Verdict.FAILED)
                || gates.containsValue(Verdict.ERROR))) {
            spec.commandLine().getErr().println("cd4ml: refusing to register: a gate failed "
                    + "(use --allow-failed-gates to register anyway)");
            return ExitCodes.FAILED;
        }
        tags.forEach(registration::tag);
        Provenance.Builder provenance = Provenance.builder()
                .build(new BuildRef(job, buildNumber, buildUrl)).codeRevision(codeRevision).imageDigest(imageDigest);
        params.forEach(provenance::parameter);
        for (Path data : trainingData) {
            provenance.trainingData(dataset(data));
        }
        for (Path data : evaluationData) {
            provenance.evaluationData(dataset(data));
        }
        ModelVersion version = registry.register(registration.provenance(provenance.build()).build());
        if (options.json()) {
            Output.json(out, version);
        } else {
            out.println("Registered " + Output.summary(version));
        }
        return ExitCodes.PASSED;
    }

    private static void addArtifact(Registration.Builder registration, String argument)
            throws InvalidInputException, IOException {
        String path = null;
        Path file = Path.of(argument);
        int equals = argument.indexOf('=');
        if (!Files.exists(file) && equals > 0) {
            path = argument.substring(0, equals);
            file = Path.of(argument.substring(equals + 1));
        }
        if (Files.isDirectory(file)) {
            Path base = file;
            String prefix = path != null ? path : defaultPath(file);
            try (Stream<Path> walk = Files.walk(file)) {
                for (Path child : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String relative = base.relativize(child).toString().replace('\\', '/');
                    registration.artifact(prefix.isEmpty() ? relative : prefix + "/" + relative, child);
                }
            }
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()),
                    "artifact not found (expected a readable file or directory)");
        }
        registration.artifact(path != null ? path : defaultPath(file), file);
    }

    /** A relative argument keeps its structure ({@code out/model.onnx}); anything else its file name. */
    private static String defaultPath(Path file) {
        Path normal = file.normalize();
        if (!file.isAbsolute() && !normal.toString().isEmpty() && !normal.startsWith("..")) {
            return normal.toString().replace('\\', '/');
        }
        return fileName(file);
    }

    private static String fileName(Path file) {
        Path name = file.toAbsolutePath().normalize().getFileName();
        return name == null ? "" : name.toString();
    }

    private static String readReport(Path report) throws InvalidInputException {
        try {
            return Files.readString(report);
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(report.toString()), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static DatasetRef dataset(Path file) throws InvalidInputException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()),
                    "data file not found (expected a readable file)");
        }
        return new DatasetRef(file.toString().replace('\\', '/'), ContentDigest.sha256(file), Files.size(file));
    }
}
