package io.jenkins.plugins.cd4ml.deploy.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.deploy.ApprovalStatus;
import io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRecord;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTargetContractTest;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.deploy.ResourceNames;
import io.jenkins.plugins.cd4ml.deploy.TargetSpec;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.deploy.strategy.Canary;
import io.jenkins.plugins.cd4ml.deploy.strategy.Shadow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The SageMaker target passes the contract against the loopback fake, plus SageMaker's own failure modes. */
class SageMakerTargetTest extends DeploymentTargetContractTest {
    private FakeSageMakerServer fake;
    private final List<Duration> backoffs = new ArrayList<>();

    @BeforeEach
    void startFake() throws Exception {
        fake = new FakeSageMakerServer();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Override
    protected Environment environment(String name, boolean requiresApproval) {
        return new Environment(name, new TargetSpec(TargetType.SAGEMAKER, Map.of("region", "us-east-1",
                "image", "111122223333.dkr.ecr.us-east-1.amazonaws.com/sklearn:1",
                "executionRoleArn", "arn:aws:iam::111122223333:role/sagemaker-exec", "pollSeconds", "1")),
                requiresApproval, name, EnvironmentCredentials.DEFAULT);
    }

    @Override
    protected DeploymentTarget open(Environment environment) {
        return new SageMakerTarget(environment, new SageMakerApi(fake.uri(), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", "not-a-secret")),
                backoffs::add));
    }

    @Override
    protected String artifact(String version, Quality quality) {
        String url = "s3://models/credit-risk/" + version + "/model.tar.gz";
        fake.behaviours.put(url, switch (quality) {
            case GOOD -> FakeSageMakerServer.Behaviour.HEALTHY;
            case TRIPS_ALARM -> FakeSageMakerServer.Behaviour.TRIPS_ALARM;
            case BROKEN -> FakeSageMakerServer.Behaviour.FAILS_HEALTH_CHECK;
        });
        return url;
    }

    @Override
    protected void breakRollbackTo(Environment environment, String version) {
        fake.failRollbacks = true;
    }

    @Override
    protected int resourceCount() {
        return fake.models.size() + fake.configs.size();
    }

    @Test
    void canaryUpdateCarriesTheBlueGreenPolicyAndTheAlarms() throws Exception {
        Environment staging = environment("staging", false);
        deploy(staging, "1", Quality.GOOD, AllAtOnce.immediately(), ApprovalStatus.APPROVED);

        deploy(staging, "2", Quality.GOOD, new Canary(10, 600, List.of("credit-risk-5xx", "credit-risk-latency")),
                ApprovalStatus.APPROVED);

        JsonNode config = fake.updates.get(0).path("DeploymentConfig");
        JsonNode routing = config.path("BlueGreenUpdatePolicy").path("TrafficRoutingConfiguration");
        assertThat(routing.path("Type").asText()).isEqualTo("CANARY");
        assertThat(routing.path("WaitIntervalInSeconds").asInt()).isEqualTo(600);
        assertThat(routing.path("CanarySize").path("Type").asText()).isEqualTo("CAPACITY_PERCENT");
        assertThat(routing.path("CanarySize").path("Value").asInt()).isEqualTo(10);
        assertThat(config.path("AutoRollbackConfiguration").path("Alarms")).extracting(a -> a.path("AlarmName").asText())
                .containsExactly("credit-risk-5xx", "credit-risk-latency");
        String model = ResourceNames.forVersion(MODEL, "2", "staging");
        assertThat(fake.models.get(model).path("PrimaryContainer").path("Environment")
                .path(SageMakerTarget.VERSION_VARIABLE).asText()).isEqualTo("2");
    }

    @Test
    void rollbackAfterWhichTheWaiterWouldReportSuccessIsReadBackAsRolledBack() throws Exception {
        Environment production = environment("production", false);
        deploy(production, "1", Quality.GOOD, AllAtOnce.immediately(), ApprovalStatus.APPROVED);

        DeploymentRecord record = deploy(production, "2", Quality.TRIPS_ALARM,
                new Canary(5, 300, List.of("credit-risk-5xx")), ApprovalStatus.APPROVED);

        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.ROLLED_BACK);
        assertThat(record.serving().status()).hasToString("IN_SERVICE");
        assertThat(record.serving().detail()).contains("FailureReason: Alarm credit-risk-5xx went into ALARM state");
        assertThat(record.events()).extracting(event -> event.message())
                .anyMatch(message -> message.contains("is RollingBack"));
    }

    @Test
    void throttledCallsAreRetriedWithBoundedBackoff() throws Exception {
        fake.throttle.put("CreateModel", 3);
        fake.throttle.put("DescribeEndpoint", 2);

        DeploymentRecord record = deploy(environment("dev", false), "1", Quality.GOOD, AllAtOnce.immediately(),
                ApprovalStatus.APPROVED);

        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(fake.count("CreateModel")).isEqualTo(4);
        assertThat(fake.models).hasSize(1);
        assertThat(backoffs).hasSize(5).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(200),
                Duration.ofSeconds(5)));
        // two throttled DescribeEndpoint calls (the read-back before), then three throttled CreateModel calls
        assertThat(backoffs).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void throttlingThatNeverEndsFailsAfterTheLastAttempt() throws Exception {
        fake.throttle.put("CreateModel", 100);

        DeploymentRecord record = deploy(environment("dev", false), "1", Quality.GOOD, AllAtOnce.immediately(),
                ApprovalStatus.APPROVED);

        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.FAILED);
        assertThat(record.reason()).contains("ThrottlingException");
        assertThat(fake.count("CreateModel")).isEqualTo(SageMakerApi.MAX_ATTEMPTS);
    }

    @Test
    void lostAnswersAreRetriedWithoutCreatingAnythingTwice() throws Exception {
        Environment staging = environment("staging", false);
        deploy(staging, "1", Quality.GOOD, AllAtOnce.immediately(), ApprovalStatus.APPROVED);
        fake.dropAnswer.put("CreateModel", 1);
        fake.dropAnswer.put("CreateEndpointConfig", 1);
        fake.dropAnswer.put("DescribeEndpoint", 1);

        DeploymentRecord record = deploy(staging, "2", Quality.GOOD, new Canary(10, 60, List.of("credit-risk-5xx")),
                ApprovalStatus.APPROVED);

        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(fake.count("CreateModel")).isEqualTo(3);
        assertThat(fake.models).hasSize(2);
        assertThat(fake.configs).hasSize(2);
        assertThat(fake.updates).hasSize(1);
    }

    @Test
    void resumedDeploymentWaitsForTheUpdateInProgressInsteadOfStartingAgain() throws Exception {
        Environment staging = environment("staging", false);
        deploy(staging, "1", Quality.GOOD, AllAtOnce.immediately(), ApprovalStatus.APPROVED);
        deploy(staging, "2", Quality.TRIPS_ALARM, new Canary(10, 60, List.of("a")), ApprovalStatus.APPROVED);
        // version 3's model and configuration exist and the endpoint is mid-update to it, as after a restart
        String name = ResourceNames.forVersion(MODEL, "3", "staging");
        artifact("3", Quality.GOOD);
        fake.models.put(name, (com.fasterxml.jackson.databind.node.ObjectNode) io.jenkins.plugins.cd4ml.json.Json
                .mapper().readTree("{\"ModelName\":\"" + name + "\",\"PrimaryContainer\":{\"ModelDataUrl\":"
                        + "\"s3://models/credit-risk/3/model.tar.gz\",\"Environment\":{\"CD4ML_MODEL_VERSION\":\"3\"}}}"));
        fake.configs.put(name, (com.fasterxml.jackson.databind.node.ObjectNode) io.jenkins.plugins.cd4ml.json.Json
                .mapper().readTree("{\"EndpointConfigName\":\"" + name + "\",\"ProductionVariants\":[{\"VariantName\":"
                        + "\"AllTraffic\",\"ModelName\":\"" + name + "\",\"InitialInstanceCount\":1}]}"));
        fake.startUpdate(ResourceNames.forService(MODEL, "staging"), name);
        int updates = fake.updates.size();

        DeploymentRecord record = deploy(staging, "3", Quality.GOOD, new Canary(10, 60, List.of("a")),
                ApprovalStatus.APPROVED);

        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(fake.updates).hasSize(updates);
        assertThat(record.events()).extracting(event -> event.phase()).contains("resumed");
    }

    @Test
    void shadowIsRefusedBeforeAnythingIsCreated() {
        assertThat(open(environment("dev", false)).unsupported(new Shadow(10, 0, 0.9, List.of())))
                .contains("does not run shadow deployments");
    }
}
