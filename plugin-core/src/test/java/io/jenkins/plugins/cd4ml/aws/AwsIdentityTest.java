package io.jenkins.plugins.cd4ml.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import io.jenkins.plugins.cd4ml.fake.FakeSts;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;

/** Stored keys as they are, or a role assumed with them through the (fake) STS, spoken by the real SDK client. */
class AwsIdentityTest {
    private static final String ROLE = "arn:aws:iam::444455556666:role/cd4ml-trainer";
    private static final StoredCredential.AwsKeys KEYS = new StoredCredential.AwsKeys("AKIATRAIN", "train-secret", null);

    private FakeSts sts;

    @BeforeEach
    void startSts() throws Exception {
        sts = FakeSts.start();
    }

    @AfterEach
    void stopSts() {
        sts.close();
    }

    private AwsIdentity.Role role(String sessionName) {
        return new AwsIdentity.Role(ROLE, sessionName, Region.US_EAST_1, Optional.of(sts.endpoint()));
    }

    @Test
    void storedKeysAreUsedAsTheyAreWithoutAskingSts() throws Exception {
        try (AwsIdentity identity = AwsIdentity.open(Optional.of(KEYS), Optional.empty())) {
            assertThat(identity.resolveCredentials().accessKeyId()).isEqualTo("AKIATRAIN");
            assertThat(identity.resolveCredentials().secretAccessKey()).isEqualTo("train-secret");
            assertThat(identity.resolveCredentials()).isNotInstanceOf(AwsSessionCredentials.class);
        }
        try (AwsIdentity identity = AwsIdentity.open(Optional.of(new StoredCredential.AwsKeys("ASIAKEEP", "s", "t")),
                Optional.empty())) {
            assertThat(identity.resolveCredentials()).isInstanceOfSatisfying(AwsSessionCredentials.class,
                    session -> assertThat(session.sessionToken()).isEqualTo("t"));
        }
        assertThat(sts.assumeRoleCalls()).isEmpty();
    }

    @Test
    void theRoleIsAssumedWithTheStoredKeysAndItsSessionIsUsed() throws Exception {
        try (AwsIdentity identity = AwsIdentity.open(Optional.of(KEYS), Optional.of(role("cd4ml-train-churn-42")))) {
            AwsCredentials credentials = identity.resolveCredentials();

            assertThat(sts.assumeRoleCalls()).singleElement().satisfies(call -> {
                assertThat(call.signedBy()).isEqualTo("AKIATRAIN");
                assertThat(call.roleArn()).isEqualTo(ROLE);
                assertThat(call.sessionName()).isEqualTo("cd4ml-train-churn-42");
                assertThat(call.durationSeconds()).isEqualTo(AwsIdentity.SESSION_SECONDS);
            });
            assertThat(credentials.accessKeyId()).isEqualTo(sts.assumeRoleCalls().get(0).issuedAccessKeyId());
            assertThat(credentials).isInstanceOfSatisfying(AwsSessionCredentials.class,
                    session -> assertThat(session.sessionToken()).isEqualTo("session-token-1"));
            assertThat(identity.toString()).doesNotContain("AKIATRAIN", "train-secret", "ASIAFAKE");
        }
    }

    @Test
    void aRoleStsRefusesIsReportedWhenOpenedWithoutTheArn() {
        sts.deny(ROLE);

        assertThatThrownBy(() -> AwsIdentity.open(Optional.of(KEYS), Optional.of(role("cd4ml-train-churn-42"))))
                .isInstanceOf(AwsIdentity.RoleRefusedException.class)
                .hasMessage("AccessDenied (HTTP 403)");
    }

    @Test
    void sessionNamesKeepReadableNamesAndReplaceWhatStsRefuses() {
        assertThat(AwsIdentity.sessionName("cd4ml-deploy-production")).isEqualTo("cd4ml-deploy-production");
        assertThat(AwsIdentity.sessionName("cd4ml-train-team/churn#42/training"))
                .isEqualTo("cd4ml-train-team-churn-42-training");
        String longJob = "cd4ml-train-" + "folder/".repeat(12) + "churn#";
        assertThat(AwsIdentity.sessionName(longJob + "41")).hasSize(AwsIdentity.MAX_SESSION_NAME)
                .isNotEqualTo(AwsIdentity.sessionName(longJob + "42"));
        assertThatThrownBy(() -> role("has space")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void everySessionNameIsOneStsAccepts(@ForAll String wanted) {
        String name = AwsIdentity.sessionName(wanted);

        assertThat(name).matches("[\\w+=,.@-]{2,64}").isEqualTo(AwsIdentity.sessionName(wanted));
    }
}
