package io.jenkins.plugins.cd4ml.deploy.kserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.deploy.ServingState;
import io.jenkins.plugins.cd4ml.deploy.TargetSpec;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialResolver;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** KServe targets reach the (mock) cluster with the environment's kubeconfig or token. */
@EnableKubernetesMockClient(crud = true, https = false)
class KServeTargetsTest {
    static KubernetesMockServer server;

    private final Map<String, StoredCredential> stored = new HashMap<>();
    private final KServeTargets targets = new KServeTargets(new CredentialResolver(
            id -> Optional.ofNullable(stored.get(id)), false));

    private Environment staging(String credentialsId, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("namespace", "models"));
        settings.putAll(extra);
        return new Environment("staging", new TargetSpec(TargetType.KSERVE, settings), false, null,
                new EnvironmentCredentials(credentialsId, null));
    }

    private ServingState observe(Environment environment) throws Exception {
        try (DeploymentTarget target = targets.open(environment)) {
            return target.observe("credit-risk");
        }
    }

    @Test
    void aTokenIsSentToTheApiServer() throws Exception {
        stored.put("k8s-token", new StoredCredential.SecretText("sa-token-123"));

        ServingState state = observe(staging("k8s-token", Map.of("apiServerUrl", server.url("/"))));

        assertThat(state).isEqualTo(ServingState.absent());
        assertThat(server.getLastRequest().getHeader("Authorization")).isEqualTo("Bearer sa-token-123");
    }

    @Test
    void aKubeconfigWithItsContextIsUsed() throws Exception {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s"}
                users:
                - name: deployer
                  user: {token: kubeconfig-token}
                - name: other
                  user: {token: other-token}
                contexts:
                - name: staging
                  context: {cluster: mock, user: deployer}
                - name: elsewhere
                  context: {cluster: mock, user: other}
                current-context: elsewhere
                """.formatted(server.url("/"));
        stored.put("kubeconfig", new StoredCredential.SecretFile("config", kubeconfig.getBytes(StandardCharsets.UTF_8)));

        observe(staging("kubeconfig", Map.of("context", "staging")));

        assertThat(server.getLastRequest().getHeader("Authorization")).isEqualTo("Bearer kubeconfig-token");
        assertThat(server.getLastRequest().getPath()).startsWith("/apis/serving.kserve.io/v1beta1/namespaces/models/");
    }

    @Test
    void aFileThatIsNoKubeconfigIsAnErrorThatDoesNotQuoteIt() {
        stored.put("kubeconfig", new StoredCredential.SecretFile("config", "[not: a kubeconfig, secret-42"
                .getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> observe(staging("kubeconfig", Map.of())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("credentials 'kubeconfig' are not a usable kubeconfig")
                .hasMessageNotContaining("secret-42");
    }
}
