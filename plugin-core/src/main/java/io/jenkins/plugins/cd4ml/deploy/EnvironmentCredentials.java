package io.jenkins.plugins.cd4ml.deploy;

import java.io.Serializable;
import java.util.Optional;

/**
 * Which credentials an environment's target uses: a Jenkins credentials ID (AWS access key) and/or
 * an IAM role to assume, so environments can live in separate accounts. These are references, never
 * secrets; the caller resolves them. {@link #toString()} does not print them.
 *
 * @param awsCredentialsId Jenkins credentials ID, or {@code null}
 * @param roleArn the role to assume, or {@code null}
 */
public record EnvironmentCredentials(String awsCredentialsId, String roleArn) implements Serializable {
    /** No credentials of its own: the caller's defaults apply. */
    public static final EnvironmentCredentials DEFAULT = new EnvironmentCredentials(null, null);

    /** @return the credentials ID, if set */
    public Optional<String> credentialsId() {
        return Optional.ofNullable(awsCredentialsId);
    }

    /** @return the role to assume, if set */
    public Optional<String> role() {
        return Optional.ofNullable(roleArn);
    }

    @Override
    public String toString() {
        return "EnvironmentCredentials[credentialsId=" + (awsCredentialsId == null ? "none" : "****")
                + ", roleArn=" + (roleArn == null ? "none" : "****") + "]";
    }
}
