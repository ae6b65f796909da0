package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.cd4ml.aws.AwsIdentity;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialStore;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import io.jenkins.plugins.cd4ml.fake.FakeSts;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * {@code trainModel sagemaker:} resolves {@code credentialsId} and {@code assumeRoleArn} with
 * deployment's rules: keys from the build's credentials store, a role through (fake) STS, errors that
 * name the ID and kinds but no secret.
 */
class AwsCredentialsResolverTest {
    private static final String ROLE = "arn:aws:iam::444455556666:role/cd4ml-trainer";
    private static final String IDENTITY = "team/churn#42/training";

    private final List<String> lookedUp = new CopyOnWriteArrayList<>();
    private final CredentialStore store = id -> {
        lookedUp.add(id);
        if (id.equals("aws-with-role")) { // the aws-credentials plugin hands out fresh session keys each time
            return Optional.of(new StoredCredential.AwsKeys("ASIASESSION" + lookedUp.size(), "s", "token"));
        }
        if (id.equals("broken")) {
            throw new IOException("the credential could not be read (IllegalStateException)");
        }
        return Optional.ofNullable(Map.<String, StoredCredential>of(
                "aws-train", new StoredCredential.AwsKeys("AKIATRAIN", "train-secret", null),
                "pair", new StoredCredential.UsernamePassword("AKIAPAIR", "pair-secret"),
                "token", new StoredCredential.SecretText("token-secret"),
                "ssh", new StoredCredential.Unusable("SSH Username with private key")).get(id));
    };
    private FakeSts sts;
    private AwsCredentialsResolver resolver;

    @BeforeEach
    void startSts() throws Exception {
        sts = FakeSts.start();
        resolver = new AwsCredentialsResolver(run -> store, Optional.of(sts.endpoint()), Duration.ofMinutes(10),
                () -> true);
    }

    @AfterEach
    void stopSts() {
        sts.close();
    }

    private AwsIdentity resolve(String credentialsId, String role) throws AbortException {
        return resolver.resolve(new EnvironmentCredentials(credentialsId, role), IDENTITY, Region.US_EAST_1, null);
    }

    @Test
    void awsCredentialsAndUsernamePasswordAreAccessKeys() throws Exception {
        try (AwsIdentity aws = resolve("aws-train", null); AwsIdentity pair = resolve("pair", null)) {
            assertThat(aws.resolveCredentials().accessKeyId()).isEqualTo("AKIATRAIN");
            assertThat(pair.resolveCredentials().accessKeyId()).isEqualTo("AKIAPAIR");
            assertThat(pair.resolveCredentials().secretAccessKey()).isEqualTo("pair-secret");
        }
        assertThat(lookedUp).containsExactly("aws-train", "pair");
        assertThat(sts.assumeRoleCalls()).isEmpty();
    }

    @Test
    void sessionKeysOfTheCredentialAreReadAgainFromTheBuildsStoreWhileTheJobTrains() throws Exception {
        AwsCredentialsResolver everyCall = new AwsCredentialsResolver(run -> store, Optional.of(sts.endpoint()),
                Duration.ZERO, () -> true);

        try (AwsIdentity identity = everyCall.resolve(new EnvironmentCredentials("aws-with-role", null), IDENTITY,
                Region.US_EAST_1, null)) {
            assertThat(identity.resolveCredentials().accessKeyId()).isEqualTo("ASIASESSION2");
            assertThat(identity.resolveCredentials().accessKeyId()).isEqualTo("ASIASESSION3");
        }
        assertThat(lookedUp).containsOnly("aws-with-role").hasSize(3);
    }

    @Test
    void theRoleIsAssumedWithTheCredentialUnderTheBuildsSessionName() throws Exception {
        try (AwsIdentity identity = resolve("aws-train", ROLE)) {
            assertThat(sts.assumeRoleCalls()).singleElement().satisfies(call -> {
                assertThat(call.signedBy()).isEqualTo("AKIATRAIN");
                assertThat(call.roleArn()).isEqualTo(ROLE);
                assertThat(call.sessionName()).isEqualTo("cd4ml-train-team-churn-42-training");
            });
            assertThat(identity.resolveCredentials().accessKeyId())
                    .isEqualTo(sts.assumeRoleCalls().get(0).issuedAccessKeyId());
        }
    }

    @Test
    void withoutACredentialsIdTheStoreIsNotAskedAndTheControllersChainAssumesTheRole() throws Exception {
        // the default chain reads these system properties first (then the environment, profile, instance role)
        System.setProperty("aws.accessKeyId", "AKIACONTROLLER");
        System.setProperty("aws.secretAccessKey", "controller-secret");
        try (AwsIdentity identity = resolve(null, ROLE)) {
            assertThat(sts.assumeRoleCalls()).singleElement()
                    .satisfies(call -> assertThat(call.signedBy()).isEqualTo("AKIACONTROLLER"));
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void withoutACredentialsIdTheControllersIdentityIsRefusedUnlessAnAdministratorAllowsIt() {
        AwsCredentialsResolver notAllowed = new AwsCredentialsResolver(run -> store, Optional.of(sts.endpoint()),
                Duration.ofMinutes(10), () -> false);

        assertThatThrownBy(() -> notAllowed.resolve(new EnvironmentCredentials(null, ROLE), IDENTITY,
                Region.US_EAST_1, null)).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("trainModel sagemaker: no credentialsId (expected the ID of AWS credentials;")
                .hasMessageContaining("'trainModel may use the controller's AWS identity'");
        assertThat(sts.assumeRoleCalls()).isEmpty();
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void aWrongKindNamesTheIdAndKindsButNoSecret() {
        assertThatThrownBy(() -> resolve("token", null)).isInstanceOf(AbortException.class)
                .hasMessage("trainModel sagemaker: credentials 'token' are Secret text; SageMaker training needs AWS"
                        + " credentials (aws-credentials plugin) or Username with password (access key ID as user name,"
                        + " secret access key as password)");
        assertThatThrownBy(() -> resolve("ssh", ROLE)).isInstanceOf(AbortException.class)
                .hasMessageContaining("credentials 'ssh' are SSH Username with private key");
        assertThat(sts.assumeRoleCalls()).isEmpty();
    }

    @Test
    void aMissingOrUnreadableCredentialIsAnErrorNamingTheId() {
        assertThatThrownBy(() -> resolve("missing", null)).isInstanceOf(AbortException.class)
                .hasMessageContaining("credentials 'missing' not found, or this build may not use them");
        assertThatThrownBy(() -> resolve("broken", null)).isInstanceOf(AbortException.class)
                .hasMessageContaining("credentials 'broken' cannot be read: the credential could not be read");
    }

    @Test
    void aRoleStsRefusesIsAnErrorNamingTheCredentialNotTheSecret() {
        sts.deny(ROLE);

        assertThatThrownBy(() -> resolve("aws-train", ROLE)).isInstanceOf(AbortException.class)
                .hasMessage("trainModel sagemaker: cannot assume the role 'assumeRoleArn' through STS with credentials"
                        + " 'aws-train': AccessDenied (HTTP 403)")
                .hasMessageNotContaining("train-secret");
    }
}
