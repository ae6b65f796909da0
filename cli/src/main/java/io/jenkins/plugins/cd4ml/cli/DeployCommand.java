package io.jenkins.plugins.cd4ml.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.deploy.ApprovalStatus;
import io.jenkins.plugins.cd4ml.deploy.DeployableVersions;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.DeploymentEngine;
import io.jenkins.plugins.cd4ml.deploy.DeploymentEvent;
import io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRecord;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRequest;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentsFile;
import io.jenkins.plugins.cd4ml.deploy.FileDeployableVersions;
import io.jenkins.plugins.cd4ml.deploy.FileDeploymentLocks;
import io.jenkins.plugins.cd4ml.deploy.FileDeploymentStore;
import io.jenkins.plugins.cd4ml.deploy.RegistryDeployableVersions;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.deploy.StandardDeploymentTargets;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTargets;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialResolver;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialStore;
import io.jenkins.plugins.cd4ml.deploy.kserve.KServeTargets;
import io.jenkins.plugins.cd4ml.deploy.sagemaker.SageMakerTargets;
import io.jenkins.plugins.cd4ml.deploy.local.LocalServing;
import io.jenkins.plugins.cd4ml.deploy.local.LocalTarget;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.deploy.strategy.BlueGreen;
import io.jenkins.plugins.cd4ml.deploy.strategy.Canary;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.cd4ml.deploy.strategy.InvalidStrategyException;
import io.jenkins.plugins.cd4ml.deploy.strategy.Linear;
import io.jenkins.plugins.cd4ml.deploy.strategy.Shadow;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cd4ml deploy}: the same engine as the {@code deployModel} step. Two ways to find versions:
 * <ul>
 * <li>registry mode ({@code --store DIR}): the embedded model registry that {@code cd4ml registry}
 * writes, through {@link RegistryDeployableVersions}; {@code --version} is a number or an alias,
 * approval comes from {@code cd4ml registry approve}, aliases move in the registry and every
 * deployment shows in {@code cd4ml lineage};</li>
 * <li>state-file mode (no {@code --store}): a small registry state file ({@link FileDeployableVersions})
 * under {@code --state-dir}; {@code --artifact} registers the version there and {@code --approved}
 * approves it (quick demos without a registry).</li>
 * </ul>
 * Deployment records, locks and local serving state live under {@code --state-dir} in both modes.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy a model version to an environment and report what really serves afterwards.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:DEPLOYED (the new version is verified serving)",
                "1:ROLLED_BACK, ROLLBACK_FAILED, FAILED, REFUSED or ABORTED",
                "2:usage error (including a strategy outside the guardrail limits)",
                "3:bad input (environments file, unknown version, unreadable artifact)"})
public final class DeployCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    /** No credentials store: this process's own AWS identity and kubeconfig. */
    private static final CredentialResolver PROCESS_IDENTITY = new CredentialResolver(CredentialStore.NONE, true);

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--environments", required = true, paramLabel = "FILE", description = "The environments file (YAML).")
    Path environmentsFile;

    @Option(names = "--environment", required = true, paramLabel = "NAME", description = "The environment to deploy to.")
    String environmentName;

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "The registered model.")
    String model;

    @Option(names = "--version", required = true, paramLabel = "V",
            description = "The version to deploy (with --store: a version number or an alias).")
    String version;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Registry mode: deploy from the embedded model registry in DIR (as written by cd4ml registry);"
                    + " --version may then be a number or an alias.")
    Path store;

    @Option(names = "--artifact", paramLabel = "DIR",
            description = "Register the version with this artifact (a directory with model.json for the local target).")
    String artifact;

    @Option(names = "--approved", description = "Mark the version APPROVED in the state file (needed where approval is required).")
    boolean approved;

    @Option(names = "--strategy", defaultValue = "all-at-once", paramLabel = "NAME",
            description = "all-at-once, canary, linear, shadow or blue-green (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--percent", paramLabel = "P",
            description = "Canary share (1-50), linear step (10-50) or shadow mirror share (1-100); default 10, 10, 100.")
    Integer percent;

    @Option(names = "--bake-seconds", defaultValue = "0", paramLabel = "S",
            description = "Bake time / interval between steps, 0-3600 (default: ${DEFAULT-VALUE}).")
    int bakeSeconds;

    @Option(names = "--alarm", paramLabel = "NAME", arity = "1..*",
            description = "Rollback alarm(s); required for canary and linear.")
    List<String> alarms = new ArrayList<>();

    @Option(names = "--min-agreement", defaultValue = "0.95", paramLabel = "F",
            description = "Shadow: fraction of compared predictions that must agree (default: ${DEFAULT-VALUE}).")
    double minAgreement;

    @Option(names = "--lock-timeout", defaultValue = "600", paramLabel = "S",
            description = "Seconds to wait while another deployment holds the environment (default: ${DEFAULT-VALUE}).")
    int lockTimeoutSeconds;

    @Option(names = "--state-dir", defaultValue = ".cd4ml", paramLabel = "DIR",
            description = "Registry state, deployment records, locks and local serving state (default: ${DEFAULT-VALUE}).")
    Path stateDirectory;

    @Option(names = "--keep-serving", description = "Local target: keep serving after a successful deployment until interrupted.")
    boolean keepServing;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (format != OutputFormat.text && format != OutputFormat.json) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text or json");
        }
        DeploymentStrategy chosen = strategy();
        Environment environment = EnvironmentsFile.read(environmentsFile).find(environmentName)
                .orElseThrow(() -> new InvalidInputException(SourceLocation.ofFile(environmentsFile.toString()),
                        "no environment named '" + environmentName + "'"));
        String requestedBy = "cd4ml deploy (" + System.getProperty("user.name") + ")";
        if (store != null) {
            if (artifact != null || approved) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--artifact and --approved belong to"
                        + " state-file mode; with --store, register with 'cd4ml registry register' and approve with"
                        + " 'cd4ml registry approve'");
            }
            try (EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(store)) {
                RegistryDeployableVersions versions = new RegistryDeployableVersions(registry, requestedBy, "");
                String number = versions.resolve(model, version).orElseThrow(() -> new InvalidInputException(
                        SourceLocation.ofFile(store.toString()), "model '" + model + "' has no version or alias '"
                        + version + "'"));
                return deploy(versions, environment, chosen, number, requestedBy);
            }
        }
        FileDeployableVersions versions = new FileDeployableVersions(stateDirectory.resolve("registry.json"));
        if (artifact != null) {
            Path directory = Path.of(artifact);
            if (environment.target().type() == TargetType.LOCAL && !Files.isDirectory(directory)) {
                throw new InvalidInputException(SourceLocation.ofFile(artifact), "artifact directory not found");
            }
            String uri = environment.target().type() == TargetType.LOCAL ? directory.toAbsolutePath().toString()
                    : artifact;
            versions.register(model, version, uri, approved ? ApprovalStatus.APPROVED : null);
        } else if (approved) {
            var existing = versions.find(model, version).orElseThrow(() -> new InvalidInputException(
                    SourceLocation.ofFile("registry"), "model '" + model + "' has no version '" + version
                    + "' (register it with --artifact)"));
            versions.register(model, version, existing.artifactUri(), ApprovalStatus.APPROVED);
        }
        return deploy(versions, environment, chosen, version, requestedBy);
    }

    private int deploy(DeployableVersions versions, Environment environment, DeploymentStrategy chosen,
            String resolvedVersion, String requestedBy) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LocalServing serving = new LocalServing()) {
            StandardDeploymentTargets targets = new StandardDeploymentTargets(serving, stateDirectory.resolve("local"))
                    .with(TargetType.SAGEMAKER, declared -> open(new SageMakerTargets(PROCESS_IDENTITY,
                            Sleeper.SYSTEM), declared))
                    .with(TargetType.KSERVE, declared -> open(new KServeTargets(PROCESS_IDENTITY), declared));
            DeploymentEngine engine = new DeploymentEngine(versions, targets,
                    new FileDeploymentStore(stateDirectory.resolve("deployments")),
                    new FileDeploymentLocks(stateDirectory.resolve("locks")), Clock.systemUTC(), Sleeper.SYSTEM);
            DeploymentRequest request = new DeploymentRequest(environment, model, resolvedVersion, chosen,
                    Duration.ofSeconds(lockTimeoutSeconds), requestedBy);
            DeploymentRecord record = engine.deploy(request, event -> {
                if (format == OutputFormat.text) {
                    err.println(line(event));
                    err.flush();
                }
            });
            String url = environment.target().type() == TargetType.LOCAL
                    ? serving.url(new LocalTarget(environment, serving, stateDirectory.resolve("local")).stateFile(model))
                    : null;
            print(out, record, url);
            out.flush();
            if (keepServing && record.outcome() == DeploymentOutcome.DEPLOYED && url != null) {
                err.println("Serving on " + url + " (POST /predict); press Ctrl-C to stop.");
                err.flush();
                Thread.currentThread().join();
            }
            return record.outcome().exitCode();
        }
    }

    /**
     * SageMaker with the default AWS credential chain (environment, profile, instance role) and the
     * environment's {@code roleArn}, if any, assumed with it; KServe through the current kubeconfig
     * (or the environment's {@code context}). The CLI has no credentials store, so a credentials ID
     * in the file (meant for Jenkins) is ignored.
     */
    private static DeploymentTarget open(DeploymentTargets opener, Environment environment)
            throws InvalidInputException {
        Environment withoutId = new Environment(environment.name(), environment.target(),
                environment.requiresApproval(), environment.alias(),
                new EnvironmentCredentials(null, environment.credentials().role().orElse(null)));
        return opener.open(withoutId);
    }

    private DeploymentStrategy strategy() {
        try {
            return switch (strategy) {
                case AllAtOnce.NAME -> new AllAtOnce(bakeSeconds, alarms);
                case Canary.NAME -> new Canary(percent == null ? 10 : percent, bakeSeconds, alarms);
                case Linear.NAME -> new Linear(percent == null ? 10 : percent, bakeSeconds, alarms);
                case Shadow.NAME -> new Shadow(percent == null ? 100 : percent, bakeSeconds, minAgreement, alarms);
                case BlueGreen.NAME -> new BlueGreen(bakeSeconds, alarms);
                default -> throw new CommandLine.ParameterException(spec.commandLine(), "unknown --strategy '"
                        + strategy + "' (expected all-at-once, canary, linear, shadow or blue-green)");
            };
        } catch (InvalidStrategyException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e, null, strategy);
        }
    }

    private void print(PrintWriter out, DeploymentRecord record, String url) throws Exception {
        if (format == OutputFormat.json) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("schemaVersion", Json.SCHEMA_VERSION);
            root.setAll((ObjectNode) Json.mapper().valueToTree(record));
            if (url != null) {
                root.put("url", url);
            }
            out.println(Json.mapper().writeValueAsString(root));
            return;
        }
        out.println(record.model() + " version " + record.version() + " -> " + record.environment() + ": "
                + record.outcome());
        out.println("  " + record.reason());
        if (record.serving() != null) {
            out.println("  serving: " + record.serving().summary());
        }
        if (url != null && record.serving() != null && !record.serving().traffic().isEmpty()) {
            out.println("  url: " + url);
        }
    }

    private static String line(DeploymentEvent event) {
        return TIME.format(event.at()) + " " + String.format("%-10s", event.phase()) + " " + event.message();
    }
}
