package io.jenkins.plugins.cd4ml.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine rules that hold for every target: serialization, resume, abort, read-back, records. */
class DeploymentEngineTest {
    private static final String MODEL = "credit-risk";

    @TempDir
    Path directory;

    private final ScriptedTarget target = new ScriptedTarget();
    private final InMemoryDeployableVersions versions = new InMemoryDeployableVersions();
    private DeploymentStore store;
    private DeploymentEngine engine;

    @BeforeEach
    void createEngine() {
        store = new FileDeploymentStore(directory.resolve("deployments"));
        engine = new DeploymentEngine(versions, environment -> target, store,
                new FileDeploymentLocks(directory.resolve("locks")), Clock.systemUTC(), duration -> { });
        for (String version : List.of("1", "2", "3")) {
            versions.put(new DeployableVersion(MODEL, version, ApprovalStatus.APPROVED, "/artifacts/" + version));
        }
    }

    private static Environment environment(String name) {
        return new Environment(name, new TargetSpec(TargetType.LOCAL, Map.of()), false, name, null);
    }

    private DeploymentRecord deploy(String environment, String version, Duration lockTimeout) throws Exception {
        return engine.deploy(new DeploymentRequest(environment(environment), MODEL, version,
                AllAtOnce.immediately(), lockTimeout, "build #" + version), event -> { });
    }

    @Test
    void secondDeploymentToTheSameEnvironmentIsRefusedAfterItsBoundedWait() throws Exception {
        CountDownLatch inRollout = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        target.script = (plan, scripted) -> {
            inRollout.countDown();
            release.await(10, TimeUnit.SECONDS);
            scripted.state.set(ServingState.serving(plan.version(), true));
            return RolloutResult.completed();
        };
        CompletableFuture<DeploymentRecord> first = CompletableFuture.supplyAsync(() -> call(() ->
                deploy("staging", "2", Duration.ofSeconds(5))));
        assertThat(inRollout.await(10, TimeUnit.SECONDS)).isTrue();

        DeploymentRecord second = deploy("staging", "3", Duration.ofMillis(200));

        assertThat(second.outcome()).isEqualTo(DeploymentOutcome.REFUSED);
        assertThat(second.reason()).contains("environment 'staging' is still locked by build #2");
        assertThat(versions.deployments()).extracting(DeploymentRecord::outcome).containsExactly(
                DeploymentOutcome.REFUSED);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(target.rollouts).extracting(TargetPlan::version).containsExactly("2");
        assertThat(store.find(second.id())).as("a refused deployment leaves the store alone").isEmpty();
    }

    @Test
    void refusedDuplicateDoesNotOverwriteTheRecordOfTheDeploymentItWaitedFor() throws Exception {
        CountDownLatch inRollout = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        target.script = (plan, scripted) -> {
            inRollout.countDown();
            release.await(10, TimeUnit.SECONDS);
            scripted.state.set(ServingState.serving(plan.version(), true));
            return RolloutResult.completed();
        };
        CompletableFuture<DeploymentRecord> first = CompletableFuture.supplyAsync(() -> call(() ->
                deploy("staging", "2", Duration.ofSeconds(5))));
        assertThat(inRollout.await(10, TimeUnit.SECONDS)).isTrue();

        DeploymentRecord duplicate = deploy("staging", "2", Duration.ofMillis(100));

        assertThat(duplicate.outcome()).isEqualTo(DeploymentOutcome.REFUSED);
        DeploymentRecord stored = store.find(duplicate.id()).orElseThrow();
        assertThat(stored.inProgress()).isTrue();
        assertThat(stored.events()).extracting(DeploymentEvent::phase).doesNotContain("refused");
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
    }

    @Test
    void waitingDeploymentRunsOnceTheEnvironmentIsFree() throws Exception {
        CountDownLatch inRollout = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedTarget.Script normal = target.script;
        target.script = (plan, scripted) -> {
            target.script = normal;
            inRollout.countDown();
            release.await(10, TimeUnit.SECONDS);
            return normal.run(plan, scripted);
        };
        CompletableFuture<DeploymentRecord> first = CompletableFuture.supplyAsync(() -> call(() ->
                deploy("staging", "2", Duration.ofSeconds(5))));
        assertThat(inRollout.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<DeploymentRecord> second = CompletableFuture.supplyAsync(() -> call(() ->
                deploy("staging", "3", Duration.ofSeconds(10))));
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
        DeploymentRecord later = second.get(10, TimeUnit.SECONDS);
        assertThat(later.outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(later.previousVersion()).isEqualTo("2");
        assertThat(versions.versionOf(MODEL, "staging")).contains("3");
    }

    @Test
    void deploymentInterruptedByARestartResumesWithItsTimeline() throws Exception {
        target.state.set(ServingState.serving("1", true));
        DeploymentRequest request = new DeploymentRequest(environment("staging"), MODEL, "2",
                AllAtOnce.immediately(), null, "build #7");
        Instant started = Instant.parse("2026-11-28T03:00:00Z");
        DeploymentRecord interrupted = DeploymentRecord.start(request.deploymentId(), request, started)
                .withPrevious("1").with(new DeploymentEvent(started, "started", "before the restart"));
        store.save(interrupted);
        target.state.set(new ServingState(ServingState.Status.UPDATING, Map.of("1", 100), true, ""));

        DeploymentRecord resumed = engine.deploy(request, event -> { });

        assertThat(resumed.outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(resumed.startedAt()).isEqualTo(started);
        assertThat(resumed.previousVersion()).isEqualTo("1");
        assertThat(resumed.events()).extracting(DeploymentEvent::phase).startsWith("started", "resumed");
        assertThat(target.rollouts).singleElement().extracting(TargetPlan::previousVersion).isEqualTo("1");
        assertThat(store.find(request.deploymentId())).contains(resumed);
    }

    @Test
    void abortStopsTheRolloutAndIsRecorded() throws Exception {
        target.state.set(ServingState.serving("1", true));
        target.script = (plan, scripted) -> {
            throw new InterruptedException("build aborted");
        };

        DeploymentRecord record = deploy("staging", "2", Duration.ofSeconds(1));

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.ABORTED);
        assertThat(record.serving().servesOnly("1")).isTrue();
        assertThat(target.aborts).singleElement().extracting(TargetPlan::version).isEqualTo("2");
        assertThat(versions.versionOf(MODEL, "staging")).isEmpty();
        assertThat(store.find(record.id())).contains(record);
    }

    @Test
    void targetErrorsDoNotDecideTheOutcomeTheReadBackDoes() throws Exception {
        target.script = (plan, scripted) -> {
            scripted.state.set(ServingState.serving(plan.version(), true));
            throw new IOException("connection reset while waiting");
        };

        DeploymentRecord record = deploy("dev", "2", Duration.ofSeconds(1));

        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(record.events()).extracting(DeploymentEvent::message).anyMatch(m -> m.contains("connection reset"));
    }

    @Test
    void unknownVersionsAndUnsupportedStrategiesChangeNothing() {
        assertThatThrownBy(() -> deploy("dev", "9", Duration.ofSeconds(1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model 'credit-risk' has no version '9'");
        target.unsupported = "the test target cannot do that";
        assertThatThrownBy(() -> deploy("dev", "2", Duration.ofSeconds(1))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot do that");
        assertThat(target.rollouts).isEmpty();
        assertThat(versions.deployments()).isEmpty();
    }

    @Test
    void registryFileKeepsVersionsAliasesAndDeployments() throws Exception {
        FileDeployableVersions file = new FileDeployableVersions(directory.resolve("registry.json"));
        file.register(MODEL, "1", "/a/1", null);
        assertThat(file.find(MODEL, "1")).get().extracting(DeployableVersion::approval)
                .isEqualTo(ApprovalStatus.PENDING_MANUAL_APPROVAL);
        file.register(MODEL, "1", "/a/1", ApprovalStatus.APPROVED);
        file.register(MODEL, "1", "/a/1b", null);
        assertThat(file.find(MODEL, "1")).contains(new DeployableVersion(MODEL, "1", ApprovalStatus.APPROVED, "/a/1b"));
        file.moveAlias(MODEL, "staging", "1");
        assertThat(file.versionOf(MODEL, "staging")).contains("1");
        assertThat(file.versionOf(MODEL, "production")).isEmpty();
        assertThat(file.find(MODEL, "2")).isEmpty();
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
