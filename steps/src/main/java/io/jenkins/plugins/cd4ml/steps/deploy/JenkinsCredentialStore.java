package io.jenkins.plugins.cd4ml.steps.deploy;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialStore;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The engine's {@link CredentialStore} over Jenkins credentials: copies the secret of the kinds
 * deployment uses (AWS credentials when the aws-credentials plugin is installed, username with
 * password, secret text, secret file) into plain values, on the controller, for the deployment
 * only. Other kinds are reported by type name, never by content. SageMaker training looks its
 * credentials up through the same store ({@link #forBuild}).
 */
public final class JenkinsCredentialStore implements CredentialStore {
    /** A kubeconfig is small; a larger secret file is refused rather than read into memory. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    private final CredentialLookup lookup;
    private final List<CredentialConverter> converters;

    /** @param lookup finds credentials for the deploying build */
    JenkinsCredentialStore(CredentialLookup lookup) {
        this(lookup, List.of());
    }

    /**
     * @param lookup finds credentials for the deploying build
     * @param converters the kinds of optional plugins that are installed (their optional extensions)
     */
    JenkinsCredentialStore(CredentialLookup lookup, List<CredentialConverter> converters) {
        this.lookup = lookup;
        this.converters = List.copyOf(converters);
    }

    /**
     * @param run the build that uses the credentials: they are looked up in its context, with its
     *     permissions, and the use is tracked on the credential ({@link CredentialLookup#of})
     * @return the store
     */
    public static CredentialStore forBuild(Run<?, ?> run) {
        return new JenkinsCredentialStore(CredentialLookup.of(run),
                new JenkinsFacade().getExtensionList(CredentialConverter.class));
    }

    @Override
    public Optional<StoredCredential> find(String id) throws IOException {
        Optional<StandardCredentials> credentials = lookup.find(id);
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(toStored(credentials.get(), converters));
        } catch (IOException | RuntimeException e) {
            // e.g. an AWS credential with a role or MFA of its own that cannot get keys; the original
            // message may quote configuration, so only the exception's type is passed on
            throw new IOException("the credential could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    static StoredCredential toStored(StandardCredentials credentials, List<CredentialConverter> converters)
            throws IOException {
        for (CredentialConverter converter : converters) {
            Optional<StoredCredential> converted = converter.convert(credentials);
            if (converted.isPresent()) {
                return converted.get();
            }
        }
        if (credentials instanceof StandardUsernamePasswordCredentials pair) {
            return new StoredCredential.UsernamePassword(pair.getUsername(), pair.getPassword().getPlainText());
        }
        if (credentials instanceof StringCredentials text) {
            return new StoredCredential.SecretText(text.getSecret().getPlainText());
        }
        if (credentials instanceof FileCredentials file) {
            try (InputStream content = file.getContent()) {
                byte[] bytes = content.readNBytes(MAX_FILE_BYTES + 1);
                if (bytes.length > MAX_FILE_BYTES) {
                    return new StoredCredential.Unusable("a Secret file over 1 MiB");
                }
                return new StoredCredential.SecretFile(file.getFileName(), bytes);
            }
        }
        return new StoredCredential.Unusable(credentials.getClass().getSimpleName());
    }
}
