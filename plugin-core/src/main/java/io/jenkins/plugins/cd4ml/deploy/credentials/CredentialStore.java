package io.jenkins.plugins.cd4ml.deploy.credentials;

import java.io.IOException;
import java.util.Optional;

/**
 * Looks credentials up by ID. In Jenkins the look-up runs in the context of the deploying build, so
 * the job's access to credentials (folders, scopes) applies; the CLI has no store.
 */
@FunctionalInterface
public interface CredentialStore {
    /** No credentials at all (the CLI: it uses the default AWS chain and kubeconfig). */
    CredentialStore NONE = id -> Optional.empty();

    /**
     * @param id a credentials ID
     * @return the credential, or empty when there is none with that ID that the caller may use
     * @throws IOException when the credential cannot be read; its message names no secret (it is shown to users)
     */
    Optional<StoredCredential> find(String id) throws IOException;
}
