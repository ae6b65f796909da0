package io.jenkins.plugins.cd4ml.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Jenkins credentials become the engine's plain values; unknown kinds are named, not read. */
class JenkinsCredentialStoreTest {
    private final JenkinsCredentialStore store = new JenkinsCredentialStore(id -> Optional.ofNullable(
            Map.<String, StandardCredentials>of(
                    "aws", new TestCredentials.Aws("aws", "AKIASTAGING", "staging-secret"),
                    "kubeconfig", new TestCredentials.File("kubeconfig", "config", "apiVersion: v1"),
                    "big", new TestCredentials.File("big", "huge", "x".repeat(JenkinsCredentialStore.MAX_FILE_BYTES + 1)),
                    "cert", new TestCredentials.Certificate("cert"),
                    "failing", new TestCredentials.Aws("failing", null, "secret-of-failing")).get(id)),
            java.util.List.of(new AwsPluginCredentials()));

    @Test
    void copiesAwsCredentialsOfTheOptionalPlugin() throws Exception {
        assertThat(store.find("aws")).contains(new StoredCredential.AwsKeys("AKIASTAGING", "staging-secret", null));
    }

    @Test
    void withoutTheOptionalPluginsExtensionAnAwsCredentialIsNamedNotRead() throws Exception {
        JenkinsCredentialStore withoutPlugin = new JenkinsCredentialStore(id -> Optional.of(
                new TestCredentials.Aws("aws", "AKIASTAGING", "staging-secret")));

        assertThat(withoutPlugin.find("aws")).contains(new StoredCredential.Unusable("Aws"));
    }

    @Test
    void aCredentialThatCannotProduceItsSecretIsAnIoErrorNamingNoSecret() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.find("failing"))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("the credential could not be read (NullPointerException)")
                .hasNoCause();
    }

    @Test
    void copiesASecretFile() throws Exception {
        StoredCredential found = store.find("kubeconfig").orElseThrow();

        assertThat(found).isInstanceOf(StoredCredential.SecretFile.class);
        assertThat(new String(((StoredCredential.SecretFile) found).content(), StandardCharsets.UTF_8))
                .isEqualTo("apiVersion: v1");
    }

    @Test
    void namesWhatItCannotUseAndRefusesHugeFiles() throws Exception {
        assertThat(store.find("cert")).contains(new StoredCredential.Unusable("Certificate"));
        assertThat(store.find("big")).contains(new StoredCredential.Unusable("a Secret file over 1 MiB"));
        assertThat(store.find("missing")).isEmpty();
    }
}
