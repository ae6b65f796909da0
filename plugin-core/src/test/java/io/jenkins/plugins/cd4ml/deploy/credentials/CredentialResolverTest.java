package io.jenkins.plugins.cd4ml.deploy.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.deploy.TargetSpec;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which stored credentials each target accepts, and the errors for the others. */
class CredentialResolverTest {
    private final Map<String, StoredCredential> stored = new HashMap<>();
    private final CredentialStore store = id -> Optional.ofNullable(stored.get(id));

    private static Environment sageMaker(String credentialsId) {
        return new Environment("production", new TargetSpec(TargetType.SAGEMAKER, Map.of("region", "eu-west-1")),
                true, null, new EnvironmentCredentials(credentialsId, null));
    }

    private static Environment kserve(String credentialsId, boolean apiServer) {
        Map<String, String> settings = new HashMap<>(Map.of("namespace", "models"));
        if (apiServer) {
            settings.put("apiServerUrl", "https://k8s.example.com:6443");
        }
        return new Environment("staging", new TargetSpec(TargetType.KSERVE, settings), false, null,
                new EnvironmentCredentials(credentialsId, null));
    }

    @Test
    void awsKeysAndUsernamePasswordBecomeAwsKeys() throws Exception {
        stored.put("aws", new StoredCredential.AwsKeys("AKIAAWS", "secret-aws", "token"));
        stored.put("pair", new StoredCredential.UsernamePassword("AKIAPAIR", "secret-pair"));
        CredentialResolver resolver = new CredentialResolver(store, false);

        assertThat(resolver.aws(sageMaker("aws"))).contains(new StoredCredential.AwsKeys("AKIAAWS", "secret-aws",
                "token"));
        assertThat(resolver.aws(sageMaker("pair"))).contains(new StoredCredential.AwsKeys("AKIAPAIR", "secret-pair",
                null));
    }

    @Test
    void aWrongKindIsAnErrorNamingKindsNotSecrets() {
        stored.put("token", new StoredCredential.SecretText("do-not-print"));
        CredentialResolver resolver = new CredentialResolver(store, true);

        assertThatThrownBy(() -> resolver.aws(sageMaker("token")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environment production")
                .hasMessageContaining("credentials 'token' are Secret text")
                .hasMessageContaining("needs AWS credentials (aws-credentials plugin) or Username with password")
                .hasMessageNotContaining("do-not-print");
        stored.put("ssh", new StoredCredential.Unusable("SSH Username with private key"));
        assertThatThrownBy(() -> resolver.kubernetes(kserve("ssh", false)))
                .hasMessageContaining("are SSH Username with private key; a kserve target needs a kubeconfig");
    }

    @Test
    void awsKeysByIdServeOtherUsersWithTheSameKindsAndMessages() throws Exception {
        stored.put("pair", new StoredCredential.UsernamePassword("AKIAPAIR", "secret-pair"));
        stored.put("token", new StoredCredential.SecretText("do-not-print"));
        CredentialResolver resolver = new CredentialResolver(store, false);
        SourceLocation step = SourceLocation.ofFile("trainModel sagemaker");

        assertThat(resolver.awsKeys("pair", "SageMaker training", step))
                .isEqualTo(new StoredCredential.AwsKeys("AKIAPAIR", "secret-pair", null));
        assertThatThrownBy(() -> resolver.awsKeys("token", "SageMaker training", step))
                .hasMessageStartingWith("trainModel sagemaker")
                .hasMessageContaining("credentials 'token' are Secret text; SageMaker training needs AWS credentials")
                .hasMessageNotContaining("do-not-print");
        assertThatThrownBy(() -> resolver.awsKeys("missing", "SageMaker training", step))
                .hasMessageContaining("credentials 'missing' not found, or this build may not use them");
    }

    @Test
    void anUnknownIdIsAnErrorThatMentionsTheBuildsPermissions() {
        CredentialResolver resolver = new CredentialResolver(store, true);

        assertThatThrownBy(() -> resolver.aws(sageMaker("missing")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("credentials 'missing' not found, or this build may not use them");
    }

    @Test
    void aStoreFailureIsAnErrorWithTheStoresMessageButNotItsCause() {
        CredentialResolver resolver = new CredentialResolver(id -> {
            throw new IOException("the AWS credential could not produce keys (IllegalStateException)",
                    new IllegalStateException("secret-in-cause"));
        }, true);

        assertThatThrownBy(() -> resolver.aws(sageMaker("aws")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("credentials 'aws' cannot be read: the AWS credential could not produce keys")
                .hasNoCause();
    }

    @Test
    void withoutAnIdTheProcessIdentityIsUsedOnlyWhereAllowed() throws Exception {
        assertThat(new CredentialResolver(store, true).aws(sageMaker(null))).isEmpty();
        assertThat(new CredentialResolver(store, true).kubernetes(kserve(null, false))).isEmpty();

        assertThatThrownBy(() -> new CredentialResolver(store, false).aws(sageMaker(null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("declared in the workspace must name its credentials ('credentialsId')")
                .hasMessageContaining("controller's own AWS identity");
        assertThatThrownBy(() -> new CredentialResolver(store, false).kubernetes(kserve(null, false)))
                .hasMessageContaining("controller's own kubeconfig");
    }

    @Test
    void kubernetesTakesAKubeconfigOrATokenForAnApiServer() throws Exception {
        stored.put("kubeconfig", new StoredCredential.SecretFile("config", "apiVersion: v1".getBytes(
                StandardCharsets.UTF_8)));
        stored.put("token", new StoredCredential.SecretText("sa-token"));
        CredentialResolver resolver = new CredentialResolver(store, false);

        assertThat(resolver.kubernetes(kserve("kubeconfig", false))).containsInstanceOf(StoredCredential.SecretFile.class);
        assertThat(resolver.kubernetes(kserve("token", true))).contains(new StoredCredential.SecretText("sa-token"));
        assertThatThrownBy(() -> resolver.kubernetes(kserve("token", false)))
                .hasMessageContaining("set the target's 'apiServerUrl'");
    }

    @Test
    void noCredentialPrintsItsSecret() {
        assertThat(java.util.List.of(new StoredCredential.AwsKeys("AKIA1", "s1", "t1"),
                new StoredCredential.UsernamePassword("u", "p2"), new StoredCredential.SecretText("s3"),
                new StoredCredential.SecretFile("f", "s4".getBytes(StandardCharsets.UTF_8))))
                .allSatisfy(credential -> assertThat(credential.toString())
                        .doesNotContain("AKIA1", "s1", "t1", "p2", "s3", "s4"));
    }
}
