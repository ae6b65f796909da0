package io.jenkins.plugins.cd4ml.deploy.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.deploy.TargetSpec;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialResolver;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import io.jenkins.plugins.cd4ml.fake.FakeSts;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SageMaker targets sign with the environment's own credentials: static keys from the store, or a
 * role assumed through (fake) STS with those keys, spoken through the real SDK STS client.
 */
class SageMakerTargetsTest {
    private static final String ROLE = "arn:aws:iam::444455556666:role/cd4ml-deployer";

    private FakeSageMakerServer sageMaker;
    private FakeSts sts;
    private final CredentialResolver resolver = new CredentialResolver(id -> Optional.ofNullable(Map.of(
            "aws-production", (StoredCredential) new StoredCredential.AwsKeys("AKIAPRODUCTION", "prod-secret", null),
            "pair", new StoredCredential.UsernamePassword("AKIAPAIR", "pair-secret")).get(id)), false);

    @BeforeEach
    void startFakes() throws Exception {
        sageMaker = new FakeSageMakerServer();
        sts = FakeSts.start();
    }

    @AfterEach
    void stopFakes() {
        sageMaker.close();
        sts.close();
    }

    private Environment production(String credentialsId, String role) {
        return new Environment("production", new TargetSpec(TargetType.SAGEMAKER, Map.of("region", "us-east-1",
                "image", "111122223333.dkr.ecr.us-east-1.amazonaws.com/sklearn:1",
                "executionRoleArn", "arn:aws:iam::111122223333:role/sagemaker-exec",
                "endpointUrl", sageMaker.uri().toString(), "stsEndpointUrl", sts.endpoint().toString())),
                true, null, new EnvironmentCredentials(credentialsId, role));
    }

    private void observeThrough(Environment environment) throws Exception {
        try (DeploymentTarget target = new SageMakerTargets(resolver, duration -> { }).open(environment)) {
            target.observe("credit-risk");
        }
    }

    @Test
    void signsWithTheStoredAccessKeys() throws Exception {
        observeThrough(production("aws-production", null));
        observeThrough(production("pair", null));

        assertThat(sageMaker.accessKeyIds()).containsExactly("AKIAPRODUCTION", "AKIAPAIR");
        assertThat(sageMaker.sessionTokens()).isEmpty();
        assertThat(sts.assumeRoleCalls()).isEmpty();
    }

    @Test
    void assumesTheRoleWithTheStoredKeysAndSignsWithTheSession() throws Exception {
        observeThrough(production("aws-production", ROLE));

        assertThat(sts.assumeRoleCalls()).singleElement().satisfies(call -> {
            assertThat(call.signedBy()).isEqualTo("AKIAPRODUCTION");
            assertThat(call.roleArn()).isEqualTo(ROLE);
            assertThat(call.sessionName()).isEqualTo("cd4ml-deploy-production");
            assertThat(call.durationSeconds()).isEqualTo(3600);
        });
        String issued = sts.assumeRoleCalls().get(0).issuedAccessKeyId();
        assertThat(sageMaker.accessKeyIds()).isNotEmpty().containsOnly(issued);
        assertThat(sageMaker.sessionTokens()).isNotEmpty().containsOnly("session-token-1");
    }

    @Test
    void aRoleThatCannotBeAssumedIsAnErrorBeforeAnySageMakerCall() {
        sts.deny(ROLE);

        assertThatThrownBy(() -> observeThrough(production("aws-production", ROLE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("environment production")
                .hasMessageContaining("cannot assume the environment's role (roleArn) through STS: AccessDenied (HTTP 403)")
                .hasMessageNotContaining("444455556666");
        assertThat(sageMaker.accessKeyIds()).isEmpty();
    }

    @Test
    void aWorkspaceEnvironmentWithoutCredentialsIsRefused() {
        assertThatThrownBy(() -> observeThrough(production(null, ROLE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must name its credentials");
        assertThat(sts.assumeRoleCalls()).isEmpty();
    }
}
