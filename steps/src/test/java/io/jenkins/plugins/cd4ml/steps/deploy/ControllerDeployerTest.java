package io.jenkins.plugins.cd4ml.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.deploy.DeploymentEvent;
import io.jenkins.plugins.cd4ml.deploy.DeploymentLocks;
import io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRecord;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRequest;
import io.jenkins.plugins.cd4ml.deploy.Environments;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentsFile;
import io.jenkins.plugins.cd4ml.deploy.FileDeploymentStore;
import io.jenkins.plugins.cd4ml.deploy.InProcessDeploymentLocks;
import io.jenkins.plugins.cd4ml.deploy.local.LocalServing;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.registry.Approval;
import io.jenkins.plugins.cd4ml.registry.ApprovalStatus;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine part of {@code deployModel}/{@code promoteModel}: an embedded registry and the local
 * target on temporary directories, as the controller runs them (no Jenkins).
 */
class ControllerDeployerTest {
    private static final String MODEL = "credit-risk";
    private static final String ENVIRONMENTS = """
            environments:
              - name: dev
                target: {type: local}
              - name: staging
                target: {type: local}
                requiresApproval: true
            """;

    @TempDir
    Path home;

    private LocalServing serving;
    private final InProcessDeploymentLocks locks = new InProcessDeploymentLocks();
    private ControllerDeployer deployer;
    private Environments environments;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<DeploymentEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createDeployer() throws Exception {
        serving = new LocalServing();
        deployer = new ControllerDeployer(home.resolve("registry"), home.resolve("deployments"), serving, locks,
                Clock.systemUTC(), duration -> { });
        environments = EnvironmentsFile.parse("environments.yaml", home, new StringReader(ENVIRONMENTS));
    }

    @AfterEach
    void stopServing() {
        serving.close();
    }

    private int register(double weight) throws Exception {
        Path model = Files.createTempFile(home, "model", ".json");
        Files.writeString(model, "{\"format\": \"cd4ml-linear-model\", \"formatVersion\": 1, \"intercept\": -0.25,"
                + " \"coefficients\": {\"income\": " + weight + "}, \"threshold\": 0.5}");
        try (EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(home.resolve("registry"))) {
            return registry.register(Registration.builder(MODEL).artifact("model/model.json", model)
                    .registeredBy("alice").build()).version();
        }
    }

    private void approve(int version) throws Exception {
        try (EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(home.resolve("registry"))) {
            registry.setApproval(MODEL, version, new Approval(ApprovalStatus.APPROVED, "bob", Instant.now(), "ok"));
        }
    }

    private DeploymentRecord deploy(String versionOrAlias, String environment) throws Exception {
        DeploymentOrder order = new DeployModelStep.Order(MODEL, versionOrAlias, environment,
                AllAtOnce.immediately(), Duration.ofSeconds(5));
        return deploy(order.resolve(deployer, environments, "job #1"));
    }

    private DeploymentRecord deploy(DeploymentRequest request) throws Exception {
        return deployer.deploy(request, "job#1", log::add, events::add);
    }

    @Test
    void deploysARegisteredVersionAndTheRegistryShowsIt() throws Exception {
        int version = register(0.5);

        DeploymentRecord record = deploy(Integer.toString(version), "dev");

        assertThat(record.outcome()).as(record.reason()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(record.serving().servesOnly("1")).isTrue();
        assertThat(deployer.localUrl(environments.find("dev").orElseThrow(), MODEL)).isPresent();
        try (EmbeddedModelRegistry registry = EmbeddedModelRegistry.open(home.resolve("registry"))) {
            assertThat(registry.aliases(MODEL)).isEqualTo(Map.of("dev", 1));
            assertThat(registry.requireVersion(MODEL, 1).deployments()).singleElement()
                    .satisfies(d -> assertThat(d.outcome() + " " + d.environment() + " " + d.buildUrl())
                            .isEqualTo("DEPLOYED dev job#1"));
        }
        Map<String, Object> outcome = DeploymentReports.outcome(record, null);
        assertThat(outcome).containsEntry("outcome", "DEPLOYED").containsEntry("version", "1");
        assertThat(outcome.get("serving")).isEqualTo(Map.of("status", "IN_SERVICE", "traffic", Map.of("1", 100),
                "verified", true, "detail", ""));
        JsonNode section = Json.mapper().readTree(DeploymentReports.json(record, "http://x"));
        assertThat(section.path("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(section.path("deployment").path("events").size()).isEqualTo(record.events().size());
    }

    @Test
    void anAliasIsResolvedToTheVersionItPointsAtWhenTheStepStarts() throws Exception {
        register(0.5);
        register(0.7);
        deploy("2", "dev");

        DeploymentRequest request = new DeployModelStep.Order(MODEL, "dev", "staging", AllAtOnce.immediately(),
                Duration.ZERO).resolve(deployer, environments, "job #2");

        assertThat(request.version()).isEqualTo("2");
        assertThat(request.environment().name()).isEqualTo("staging");
    }

    @Test
    void unknownVersionsAndEnvironmentsAreNamedInTheError() throws Exception {
        register(0.5);

        assertThatThrownBy(() -> deploy("9", "dev")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model 'credit-risk' has no version or alias '9'");
        assertThatThrownBy(() -> deploy("1", "prod")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environment: no environment named 'prod' (declared: dev, staging)");
    }

    @Test
    void promotionRequiresApprovalAndSaysHowToGetIt() throws Exception {
        register(0.5);
        DeploymentOrder promote = new PromoteModelStep.Order(MODEL, "dev", "staging", AllAtOnce.immediately(),
                Duration.ZERO);
        assertThatThrownBy(() -> promote.resolve(deployer, environments, "job #3"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing to promote");
        deploy("1", "dev");

        assertThatThrownBy(() -> promote.resolve(deployer, environments, "job #3"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environment 'staging' requires an APPROVED version")
                .hasMessageContaining("is PENDING_MANUAL_APPROVAL")
                .hasMessageContaining("'input' step")
                .hasMessageContaining("approveModel name: 'credit-risk', version: '1'");

        approve(1);
        DeploymentRecord promoted = deploy(promote.resolve(deployer, environments, "job #3"));
        assertThat(promoted.outcome()).as(promoted.reason()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(promoted.environment()).isEqualTo("staging");
        assertThat(promoted.version()).isEqualTo("1");
    }

    @Test
    void theSameRequestAfterARestartResumesTheSavedDeployment() throws Exception {
        register(0.5);
        DeploymentRequest request = new DeployModelStep.Order(MODEL, "1", "dev", AllAtOnce.immediately(),
                Duration.ofSeconds(5)).resolve(deployer, environments, "job #4");
        Instant started = Instant.parse("2026-01-01T00:00:00Z");
        new FileDeploymentStore(home.resolve("deployments").resolve("records"))
                .save(DeploymentRecord.start(request.deploymentId(), request, started));
        assertThat(deployer.record(request.deploymentId())).get().matches(DeploymentRecord::inProgress);

        DeploymentRecord resumed = deploy(request);

        assertThat(resumed.outcome()).as(resumed.reason()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(resumed.startedAt()).isEqualTo(started);
        assertThat(events.get(0).phase()).isEqualTo("resumed");
        assertThat(events).extracting(DeploymentEvent::message).noneMatch(m -> m.startsWith("deploying credit-risk"));
        assertThat(deployer.record(request.deploymentId())).get().matches(record -> !record.inProgress());
    }

    @Test
    void aSecondDeploymentToABusyEnvironmentSaysWhyItWaits() throws Exception {
        register(0.5);
        DeploymentLocks.Lease held = locks.acquire("dev", "job #9 (other)", Duration.ZERO);
        CompletableFuture<DeploymentRecord> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return deploy("1", "dev");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        held.close();

        assertThat(waiting.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(new ArrayList<>(log)).singleElement().asString()
                .contains("environment 'dev' is still locked by job #9 (other)").contains("waiting up to 0 min");
    }
}
