package io.jenkins.plugins.cd4ml.steps.gpu;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Turns a credentials reference (Jenkins credentials ID, role to assume) into AWS credentials on
 * the controller. One small seam so the Jenkins-credentials resolution that deployment brings can
 * be plugged in without touching the training code.
 */
@FunctionalInterface
public interface AwsCredentialsResolver {
    /**
     * The controller's default AWS chain (environment, profile, instance role). A credentials ID or
     * a role to assume is refused until Jenkins-credentials resolution is wired in, rather than
     * silently falling back to other credentials.
     */
    AwsCredentialsResolver DEFAULT_CHAIN = (credentials, run) -> {
        if (credentials.credentialsId().isPresent() || credentials.role().isPresent()) {
            throw new AbortException("trainModel: credentialsId and assumeRoleArn are not supported for SageMaker "
                    + "training in this version; leave them empty to use the controller's default AWS credentials");
        }
        return DefaultCredentialsProvider.builder().build();
    };

    /**
     * @param credentials what the step asks for (never printed)
     * @param run the build, for credentials scoped to its job
     * @return the credentials provider
     * @throws AbortException when the credentials cannot be found or used
     */
    AwsCredentialsProvider resolve(EnvironmentCredentials credentials, Run<?, ?> run) throws AbortException;
}
