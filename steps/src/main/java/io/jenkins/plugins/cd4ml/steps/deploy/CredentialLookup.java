package io.jenkins.plugins.cd4ml.steps.deploy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.Run;
import java.util.Optional;

/**
 * Finds a Jenkins credential by ID for one build. The only implementation that touches Jenkins is
 * {@link #of(Run)}; tests give their own.
 */
@FunctionalInterface
interface CredentialLookup {
    /**
     * @param id a credentials ID
     * @return the credential, if the build may use one with that ID
     */
    Optional<StandardCredentials> find(String id);

    /**
     * Looks credentials up in the context of the build: the job's folders and the global store, with
     * the build's authentication (so job-level access rules apply, never the controller's system
     * scope), and records the use on the credential's fingerprint.
     *
     * @param run the deploying build
     * @return the look-up
     */
    static CredentialLookup of(Run<?, ?> run) {
        return id -> Optional.ofNullable(CredentialsProvider.track(run,
                CredentialsProvider.findCredentialById(id, StandardCredentials.class, run)));
    }
}
