package io.jenkins.plugins.cd4ml.steps.deploy;

import io.jenkins.plugins.cd4ml.deploy.ApprovalStatus;
import io.jenkins.plugins.cd4ml.deploy.DeployableVersion;
import io.jenkins.plugins.cd4ml.deploy.DeploymentEngine;
import io.jenkins.plugins.cd4ml.deploy.DeploymentEvent;
import io.jenkins.plugins.cd4ml.deploy.DeploymentLocks;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRecord;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRequest;
import io.jenkins.plugins.cd4ml.deploy.DeploymentStore;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.FileDeploymentStore;
import io.jenkins.plugins.cd4ml.deploy.InProcessDeploymentLocks;
import io.jenkins.plugins.cd4ml.deploy.RegistryDeployableVersions;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.deploy.StandardDeploymentTargets;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialResolver;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialStore;
import io.jenkins.plugins.cd4ml.deploy.kserve.KServeTargets;
import io.jenkins.plugins.cd4ml.deploy.local.LocalServing;
import io.jenkins.plugins.cd4ml.deploy.local.LocalTarget;
import io.jenkins.plugins.cd4ml.deploy.sagemaker.SageMakerTargets;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The controller side of {@code deployModel} and {@code promoteModel}, without Jenkins types: the
 * embedded registry under {@code JENKINS_HOME/cd4ml/registry}, deployment records under
 * {@code JENKINS_HOME/cd4ml/deployments}, and one {@link LocalServing} and one set of environment
 * locks per controller (so deployments to one environment are serialized across builds).
 *
 * <p>SageMaker and KServe targets are opened with the environment's own credentials, which the
 * caller resolves for the deploying build ({@link CredentialResolver}); secrets stay in memory for
 * the deployment only.
 */
public final class ControllerDeployer {
    private static ControllerDeployer instance;

    private final Path registryDirectory;
    private final Path stateDirectory;
    private final LocalServing serving;
    private final DeploymentLocks locks;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param registryDirectory the embedded registry's store
     * @param stateDirectory deployment records and local serving state
     * @param serving what the local target serves in this JVM
     * @param locks the environment locks of this JVM
     * @param clock timestamps
     * @param sleeper bake waits (interrupted by abort)
     */
    public ControllerDeployer(Path registryDirectory, Path stateDirectory, LocalServing serving, DeploymentLocks locks,
            Clock clock, Sleeper sleeper) {
        this.registryDirectory = registryDirectory;
        this.stateDirectory = stateDirectory;
        this.serving = serving;
        this.locks = locks;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * @param jenkinsHome {@code JENKINS_HOME} ({@code JenkinsFacade.getRootDir()})
     * @return the controller's deployer (one per JVM: it owns the local servers and the locks)
     */
    public static synchronized ControllerDeployer of(File jenkinsHome) {
        if (instance == null) {
            Path root = jenkinsHome.toPath().resolve("cd4ml");
            instance = new ControllerDeployer(registryDirectory(jenkinsHome), root.resolve("deployments"),
                    new LocalServing(), new InProcessDeploymentLocks(), Clock.systemUTC(), Sleeper.SYSTEM);
        }
        return instance;
    }

    /**
     * @param jenkinsHome {@code JENKINS_HOME}
     * @return where the controller's embedded model registry lives
     */
    public static Path registryDirectory(File jenkinsHome) {
        // the store registerModel and approveModel write (RegistryLocator.EMBEDDED)
        return io.jenkins.plugins.cd4ml.steps.registry.RegistryLocator.embeddedStore(jenkinsHome).toPath();
    }

    /** @return where relative paths of an environments file resolve on the controller */
    Path stateDirectory() {
        return stateDirectory;
    }

    /**
     * Turns step arguments into the engine's request, resolving an alias to the version it points at
     * now (so a resumed deployment deploys the same version even if the alias moves meanwhile).
     *
     * @param model the registered model
     * @param versionOrAlias a version number or an alias
     * @param environment where
     * @param strategy how
     * @param lockTimeout how long to wait for the environment
     * @param requestedBy the build
     * @return the request
     * @throws InvalidInputException when the model has no such version or alias
     * @throws IOException when the registry cannot be read
     */
    public DeploymentRequest request(String model, String versionOrAlias, Environment environment,
            DeploymentStrategy strategy, Duration lockTimeout, String requestedBy)
            throws InvalidInputException, IOException {
        try (EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(registryDirectory)) {
            String version = new RegistryDeployableVersions(registry, requestedBy, "").resolve(model, versionOrAlias)
                    .orElseThrow(() -> new InvalidInputException(SourceLocation.ofFile("registry"), "model '" + model
                            + "' has no version or alias '" + versionOrAlias + "'"));
            return new DeploymentRequest(environment, model, version, strategy, lockTimeout, requestedBy);
        }
    }

    /**
     * The request of {@code promoteModel}: the version verified serving in {@code from}, checked for
     * approval when {@code to} requires it.
     *
     * @param model the registered model
     * @param from the environment whose serving version is promoted
     * @param to the environment it goes to
     * @param strategy how
     * @param lockTimeout how long to wait for {@code to}
     * @param requestedBy the build
     * @return the request
     * @throws InvalidInputException when nothing was deployed to {@code from}, or the version is not
     *     approved where approval is required (the message says how to approve it)
     * @throws IOException when the registry cannot be read
     */
    public DeploymentRequest promotion(String model, Environment from, Environment to, DeploymentStrategy strategy,
            Duration lockTimeout, String requestedBy) throws InvalidInputException, IOException {
        try (EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(registryDirectory)) {
            RegistryDeployableVersions versions = new RegistryDeployableVersions(registry, requestedBy, "");
            String version = versions.versionOf(model, from.alias()).orElseThrow(() -> new InvalidInputException(
                    SourceLocation.ofFile("registry"), "nothing to promote: no version of '" + model
                    + "' was verified serving in '" + from.name() + "' (alias '" + from.alias() + "' is not set);"
                    + " deploy to " + from.name() + " first"));
            DeployableVersion found = versions.find(model, version).orElseThrow(() -> new InvalidInputException(
                    SourceLocation.ofFile("registry"), "model '" + model + "' has no version '" + version + "'"));
            if (to.requiresApproval() && found.approval() != ApprovalStatus.APPROVED) {
                throw new InvalidInputException(SourceLocation.ofFile("registry"), "environment '" + to.name()
                        + "' requires an APPROVED version; " + model + " version " + version + " (serving in "
                        + from.name() + ") is " + found.approval() + ". Approve it first, e.g. an 'input' step"
                        + " followed by approveModel name: '" + model + "', version: '" + version
                        + "' (or: cd4ml registry approve)");
            }
            return new DeploymentRequest(to, model, version, strategy, lockTimeout, requestedBy);
        }
    }

    /**
     * Deploys without credentials: only the {@code local} target can be used.
     *
     * @param request what to deploy
     * @param buildUrl the deploying build, for the registry's lineage
     * @param log receives lock waits
     * @param events receives every timeline event as it happens
     * @return the finished record
     * @throws InvalidInputException when the target cannot run the request
     * @throws IOException when the registry or the record store fails
     */
    public DeploymentRecord deploy(DeploymentRequest request, String buildUrl, Consumer<String> log,
            Consumer<DeploymentEvent> events) throws InvalidInputException, IOException {
        return deploy(request, buildUrl, new CredentialResolver(CredentialStore.NONE, false), log, events);
    }

    /**
     * Deploys, or resumes a deployment of the same request (same id) that a restart interrupted.
     *
     * @param request what to deploy
     * @param buildUrl the deploying build, for the registry's lineage
     * @param credentials resolves the environment's credentials for the deploying build
     * @param log receives lock waits
     * @param events receives every timeline event as it happens
     * @return the finished record, its outcome read back from the target
     * @throws InvalidInputException when the target cannot run the request, or its credentials are
     *     missing or of the wrong kind (nothing was changed)
     * @throws IOException when the registry or the record store fails
     */
    public DeploymentRecord deploy(DeploymentRequest request, String buildUrl, CredentialResolver credentials,
            Consumer<String> log, Consumer<DeploymentEvent> events) throws InvalidInputException, IOException {
        try (EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(registryDirectory)) {
            StandardDeploymentTargets targets = new StandardDeploymentTargets(serving, stateDirectory.resolve("local"))
                    .with(TargetType.SAGEMAKER, new SageMakerTargets(credentials, sleeper))
                    .with(TargetType.KSERVE, new KServeTargets(credentials));
            DeploymentEngine engine = new DeploymentEngine(
                    new RegistryDeployableVersions(registry, request.requestedBy(), buildUrl), targets, store(),
                    new LoggingLocks(locks, log), clock, sleeper);
            return engine.deploy(request, events);
        }
    }

    /**
     * @param id a deployment id
     * @return its latest saved record (in progress when a restart interrupted it)
     * @throws IOException when the store cannot be read
     */
    public Optional<DeploymentRecord> record(String id) throws IOException {
        return store().find(id);
    }

    /**
     * @param environment an environment
     * @param model a model
     * @return the URL the local target serves the model on in this JVM, if it is a local environment
     */
    public Optional<String> localUrl(Environment environment, String model) {
        if (environment.target().type() != TargetType.LOCAL) {
            return Optional.empty();
        }
        return Optional.ofNullable(serving.url(new LocalTarget(environment, serving, stateDirectory.resolve("local"))
                .stateFile(model)));
    }

    private DeploymentStore store() {
        return new FileDeploymentStore(stateDirectory.resolve("records"));
    }
}
