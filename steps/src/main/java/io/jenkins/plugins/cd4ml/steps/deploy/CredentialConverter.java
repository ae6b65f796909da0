package io.jenkins.plugins.cd4ml.steps.deploy;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.ExtensionPoint;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import java.io.IOException;
import java.util.Optional;

/**
 * Turns a credential of a kind defined by an optional plugin into plain values. Implementations are
 * {@code @Extension(optional = true)}: Jenkins skips them when their plugin is not installed, so no
 * other class has to name the plugin's types.
 */
public interface CredentialConverter extends ExtensionPoint {
    /**
     * @param credentials a credential looked up for the build
     * @return its secret as plain values, or empty when it is not of this converter's kind
     * @throws IOException when the credential cannot produce its secret
     */
    Optional<StoredCredential> convert(StandardCredentials credentials) throws IOException;
}
