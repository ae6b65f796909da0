package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one entry point of deployment: a {@code deployModel} step and {@code cd4ml deploy} only parse
 * their arguments into a {@link DeploymentRequest} and call {@link #deploy}.
 *
 * <p>Order of work: look the version up, refuse unapproved versions for environments that require
 * approval, take the environment's lock (bounded wait), read back what serves, roll out, read back
 * again and decide the outcome from that ({@link OutcomeClassifier}), move the environment's alias
 * only on {@link DeploymentOutcome#DEPLOYED}, record the deployment in the registry. The record is
 * saved after every event, so calling {@link #deploy} again with the same request after a restart
 * resumes the deployment: the target finds the resources it created and waits for them.
 */
public final class DeploymentEngine {
    private final DeployableVersions versions;
    private final DeploymentTargets targets;
    private final DeploymentStore store;
    private final DeploymentLocks locks;
    private final Clock clock;
    private final Sleeper sleeper;

    /**
     * @param versions the registry, as deployment sees it
     * @param targets opens the target of an environment
     * @param store keeps records for resuming and history
     * @param locks serializes deployments per environment
     * @param clock the clock for timestamps
     * @param sleeper waits (bake times, polling)
     */
    public DeploymentEngine(DeployableVersions versions, DeploymentTargets targets, DeploymentStore store,
            DeploymentLocks locks, Clock clock, Sleeper sleeper) {
        this.versions = versions;
        this.targets = targets;
        this.store = store;
        this.locks = locks;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Deploys (or resumes deploying) a version to an environment.
     *
     * @param request what to deploy where, and how
     * @param listener receives every timeline event as it happens (a build log); may be a no-op
     * @return the finished record; its outcome was read back from the target
     * @throws InvalidInputException when the version is unknown or the target cannot run the strategy
     *     or use its settings (nothing was changed)
     * @throws IOException when the registry or the record store fails
     */
    public DeploymentRecord deploy(DeploymentRequest request, Consumer<DeploymentEvent> listener)
            throws InvalidInputException, IOException {
        Environment environment = request.environment();
        DeployableVersion version = versions.find(request.model(), request.version())
                .orElseThrow(() -> new InvalidInputException(SourceLocation.ofFile("registry"),
                        "model '" + request.model() + "' has no version '" + request.version() + "'"));
        Run run = new Run(request, listener);
        if (environment.requiresApproval() && version.approval() != ApprovalStatus.APPROVED) {
            return run.refuse("environment '" + environment.name() + "' requires an APPROVED version; version "
                    + request.version() + " is " + version.approval());
        }
        try (DeploymentTarget target = targets.open(environment)) {
            String unsupported = target.unsupported(request.strategy());
            if (!unsupported.isEmpty()) {
                throw new InvalidInputException(SourceLocation.ofFile("environment " + environment.name()),
                        unsupported);
            }
            try (DeploymentLocks.Lease lease = locks.acquire(environment.name(), request.requestedBy() + " ("
                    + request.deploymentId() + ")", request.lockTimeout())) {
                return run.deploy(target, version);
            } catch (DeploymentLocks.LockTimeoutException e) {
                return run.refuse(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return run.finish(DeploymentOutcome.ABORTED, "aborted while waiting for the environment lock",
                        null);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IOException | InvalidInputException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /**
     * The version an environment's alias points to: what was last verified serving there. A
     * {@code promoteModel from: 'staging', to: 'production'} step deploys this version to {@code to}.
     *
     * @param model the registered model
     * @param environment the environment
     * @return the version, or empty when nothing was deployed there yet
     * @throws IOException when the registry cannot be read
     */
    public Optional<String> versionAt(String model, Environment environment) throws IOException {
        return versions.versionOf(model, environment.alias());
    }

    /** One deployment in progress: the current record, saved after every change. */
    private final class Run implements DeploymentProgress {
        private final DeploymentRequest request;
        private final Consumer<DeploymentEvent> listener;
        private DeploymentRecord record;
        /** Only a run holding the environment's lock writes the store: a refused duplicate must not
         * overwrite the record of the deployment it waited for. */
        private boolean persisting;

        Run(DeploymentRequest request, Consumer<DeploymentEvent> listener) {
            this.request = request;
            this.listener = listener;
            this.record = DeploymentRecord.start(request.deploymentId(), request, clock.instant());
        }

        DeploymentRecord deploy(DeploymentTarget target, DeployableVersion version) throws IOException {
            persisting = true;
            Optional<DeploymentRecord> earlier = store.find(request.deploymentId());
            ServingState before = target.observe(request.model());
            if (earlier.isPresent() && earlier.get().inProgress()) {
                record = earlier.get();
                event("resumed", "resuming deployment " + record.id() + " started at " + record.startedAt());
            } else {
                record = record.withPrevious(before.status() == ServingState.Status.IN_SERVICE
                        ? before.soleVersion().orElse(null) : null);
                event("started", "deploying " + request.model() + " version " + request.version() + " to "
                        + request.environment().name() + " (" + request.strategy().describe() + ") for "
                        + request.requestedBy());
                event("read-back", "before: " + before.summary());
                if (before.servesOnly(request.version())) {
                    return finish(DeploymentOutcome.DEPLOYED, "version " + request.version()
                            + " already verified serving; nothing to change", before);
                }
            }
            TargetPlan plan = new TargetPlan(record.id(), request.environment().name(), request.model(),
                    request.version(), version.artifactUri(), record.previousVersion(), request.strategy());
            RolloutResult rollout;
            try {
                rollout = target.rollout(plan, this);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return abort(target, plan);
            } catch (IOException e) {
                rollout = RolloutResult.failed("the target failed: " + e.getMessage());
                event("error", rollout.reason());
            }
            ServingState after;
            try {
                after = target.observe(request.model());
            } catch (IOException e) {
                return finish(DeploymentOutcome.FAILED, "what serves could not be read back: " + e.getMessage()
                        + (rollout.reason().isEmpty() ? "" : "; " + rollout.reason()), null);
            }
            event("read-back", "after: " + after.summary());
            OutcomeClassifier.Decision decision = OutcomeClassifier.classify(request.version(),
                    record.previousVersion(), rollout, after);
            return finish(decision.outcome(), decision.reason(), after);
        }

        private DeploymentRecord abort(DeploymentTarget target, TargetPlan plan) throws IOException {
            boolean interrupted = Thread.interrupted(); // let the clean-up talk to the target
            try {
                event("aborted", "deployment aborted; stopping the rollout");
                ServingState after = null;
                try {
                    target.abort(plan, this);
                    after = target.observe(request.model());
                    event("read-back", "after abort: " + after.summary());
                } catch (IOException e) {
                    event("error", "the rollout could not be stopped cleanly: " + e.getMessage());
                }
                return finish(DeploymentOutcome.ABORTED, "aborted by the user" + (after == null ? ""
                        : "; serving: " + after.summary()), after);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        DeploymentRecord refuse(String reason) throws IOException {
            event("refused", reason);
            DeploymentRecord refused = record.finish(DeploymentOutcome.REFUSED, reason, null, clock.instant());
            record = refused;
            versions.recordDeployment(refused);
            return refused;
        }

        DeploymentRecord finish(DeploymentOutcome outcome, String reason, ServingState after) throws IOException {
            if (outcome == DeploymentOutcome.DEPLOYED) {
                Environment environment = request.environment();
                versions.moveAlias(request.model(), environment.alias(), request.version());
                event("alias", "alias '" + environment.alias() + "' of " + request.model() + " now points to version "
                        + request.version());
            }
            event("finished", outcome + ": " + reason);
            record = record.finish(outcome, reason, after, clock.instant());
            if (persisting) {
                store.save(record);
            }
            versions.recordDeployment(record);
            return record;
        }

        @Override
        public void event(String phase, String message) {
            DeploymentEvent event = new DeploymentEvent(clock.instant(), phase, message);
            record = record.with(event);
            try {
                if (persisting) {
                    store.save(record);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the deployment record could not be saved", e);
            }
            listener.accept(event);
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            sleeper.sleep(duration);
        }

        @Override
        public Clock clock() {
            return clock;
        }
    }
}
