package io.jenkins.plugins.cd4ml.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import io.jenkins.plugins.cd4ml.fake.FakeSts;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/** Stored keys as they are, or a role assumed with them through the (fake) STS, spoken by the real SDK client. */
class AwsIdentityTest {
    private static final String ROLE = "arn:aws:iam::444455556666:role/cd4ml-trainer";
    private static final StoredCredential.AwsKeys KEYS = new StoredCredential.AwsKeys("AKIATRAIN", "train-secret",
            null);

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
    void storedSessionKeysAreReadAgainOnceTheyAgeLongTermKeysNever() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        AwsIdentity.KeySource source = () -> new StoredCredential.AwsKeys("ASIASTORED" + reads.incrementAndGet(),
                "s", "t");

        try (AwsIdentity session = AwsIdentity.open(new StoredCredential.AwsKeys("ASIASTORED0", "s", "t"), source,
                Duration.ZERO, Optional.empty());
                AwsIdentity fresh = AwsIdentity.open(new StoredCredential.AwsKeys("ASIAFRESH", "s", "t"), source,
                        Duration.ofHours(1), Optional.empty());
                AwsIdentity longTerm = AwsIdentity.open(KEYS, () -> {
                    throw new IOException("long-term keys are not read again");
                }, Duration.ZERO, Optional.empty())) {
            assertThat(session.resolveCredentials().accessKeyId()).isEqualTo("ASIASTORED1");
            assertThat(session.resolveCredentials().accessKeyId()).isEqualTo("ASIASTORED2");
            assertThat(fresh.resolveCredentials().accessKeyId()).isEqualTo("ASIAFRESH");
            assertThat(longTerm.resolveCredentials().accessKeyId()).isEqualTo("AKIATRAIN");
        }
        try (AwsIdentity failing = AwsIdentity.open(new StoredCredential.AwsKeys("ASIAOLD", "s", "t"), () -> {
            throw new IOException("credentials 'aws-train' not found");
        }, Duration.ZERO, Optional.empty())) {
            assertThatThrownBy(failing::resolveCredentials).isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("could not be read again: credentials 'aws-train' not found");
        }
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

    @Test
    void aNamedProfileActsAsItselfOrAssumesTheRoleWithTheExternalId(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path credentials = java.nio.file.Files.writeString(dir.resolve("credentials"),
                "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = d\n"
                        + "[train]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = profile-secret\n");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", dir.resolve("no-config").toString());
        try (AwsIdentity named = AwsIdentity.openProfile("train", Optional.empty());
                AwsIdentity assumed = AwsIdentity.openProfile("train", Optional.of(new AwsIdentity.Role(ROLE,
                        "cd4ml-cli-train", Region.US_EAST_1, Optional.of(sts.endpoint()), Optional.of("ext-42"))))) {
            assertThat(named.resolveCredentials().accessKeyId()).isEqualTo("AKIAPROFILE");
            assertThat(assumed.resolveCredentials().accessKeyId()).startsWith("ASIAFAKE");
            assertThat(sts.assumeRoleCalls()).singleElement().satisfies(call -> {
                assertThat(call.signedBy()).isEqualTo("AKIAPROFILE");
                assertThat(call.externalId()).isEqualTo("ext-42");
            });
            assertThat(assumed.toString()).doesNotContain("ext-42", "AKIAPROFILE");
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
        }
        assertThat(new AwsIdentity.Role(ROLE, "s-1", Region.US_EAST_1, Optional.empty()).externalId()).isEmpty();
        assertThat(new AwsIdentity.Role(ROLE, "s-1", Region.US_EAST_1, Optional.empty(), Optional.of("ext-99"))
                .toString()).doesNotContain("ext-99");
    }
}
