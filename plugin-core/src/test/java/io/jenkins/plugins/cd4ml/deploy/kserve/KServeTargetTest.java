package io.jenkins.plugins.cd4ml.deploy.kserve;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.cd4ml.deploy.ApprovalStatus;
import io.jenkins.plugins.cd4ml.deploy.DeploymentOutcome;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRecord;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTargetContractTest;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.deploy.ResourceNames;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.deploy.TargetSpec;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.deploy.strategy.Canary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The KServe target passes the contract against fabric8's mock API server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KServeTargetTest extends DeploymentTargetContractTest {
    private static final String NAMESPACE = "models";

    // one mock API server per class (it is slow to start); tests remove what they created
    static KubernetesMockServer server;
    static KubernetesClient client;
    private FakeKServeController controller;

    @BeforeEach
    void registerInferenceServices() {
        server.expectCustomResource(new CustomResourceDefinitionContext.Builder()
                .withGroup("serving.kserve.io").withVersion("v1beta1").withKind("InferenceService")
                .withPlural("inferenceservices").withScope("Namespaced").withStatusSubresource(true).build());
        client.genericKubernetesResources(KServeTarget.INFERENCE_SERVICE).inNamespace(NAMESPACE).delete();
        controller = new FakeKServeController(client, NAMESPACE);
    }

    @Override
    protected String rollbackSignal() {
        return "RevisionFailed"; // KServe's readiness conditions are its rollback signal
    }

    @Override
    protected Environment environment(String name, boolean requiresApproval) {
        return new Environment(name, new TargetSpec(TargetType.KSERVE, Map.of("namespace", NAMESPACE,
                "pollSeconds", "1", "maxWaitSeconds", "30")), requiresApproval, name, EnvironmentCredentials.DEFAULT);
    }

    @Override
    protected DeploymentTarget open(Environment environment) {
        return new KServeTarget(environment, client);
    }

    @Override
    protected Sleeper sleeper() {
        return duration -> controller.reconcile();
    }

    @Override
    protected String artifact(String version, Quality quality) {
        String uri = "s3://models/credit-risk/" + version;
        controller.behaviours.put(uri, switch (quality) {
            case GOOD -> FakeKServeController.Behaviour.HEALTHY;
            case TRIPS_ALARM -> FakeKServeController.Behaviour.FAILS_AFTER_START;
            case BROKEN -> FakeKServeController.Behaviour.NEVER_READY;
        });
        return uri;
    }

    @Override
    protected void breakRollbackTo(Environment environment, String version) {
        controller.brokenUris.add("s3://models/credit-risk/" + version);
    }

    @Test
    void canarySetsCanaryTrafficPercentAndPromotesAfterBaking() throws Exception {
        Environment staging = environment("staging", false);
        deploy(staging, "1", Quality.GOOD, AllAtOnce.immediately(), ApprovalStatus.APPROVED);

        DeploymentRecord record = deploy(staging, "2", Quality.GOOD, new Canary(10, 60, List.of("latency")),
                ApprovalStatus.APPROVED);

        assertThat(record.outcome()).isEqualTo(DeploymentOutcome.DEPLOYED);
        assertThat(record.events()).extracting(event -> event.message())
                .contains("canaryTrafficPercent 10 for version 2")
                .anyMatch(message -> message.contains("ready with 10 % of traffic"));
        GenericKubernetesResource service = client.genericKubernetesResources(KServeTarget.INFERENCE_SERVICE)
                .inNamespace(NAMESPACE).withName(ResourceNames.forService(MODEL, "staging")).get();
        @SuppressWarnings("unchecked")
        Map<String, Object> predictor = (Map<String, Object>) ((Map<String, Object>) service.getAdditionalProperties()
                .get("spec")).get("predictor");
        assertThat(predictor).doesNotContainKey("canaryTrafficPercent");
        assertThat(service.getMetadata().getAnnotations()).containsEntry(KServeTarget.VERSION, "2")
                .containsEntry(KServeTarget.PREVIOUS_VERSION, "1");
    }
}
