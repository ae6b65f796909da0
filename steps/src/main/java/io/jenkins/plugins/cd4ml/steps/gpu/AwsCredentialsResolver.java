package io.jenkins.plugins.cd4ml.steps.gpu;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.cd4ml.aws.AwsIdentity;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialResolver;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialStore;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import io.jenkins.plugins.cd4ml.steps.config.Cd4mlGlobalConfiguration;
import io.jenkins.plugins.cd4ml.steps.deploy.JenkinsCredentialStore;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;

/**
 * The AWS identity a {@code trainModel sagemaker: …} job is created and watched with, resolved on
 * the controller exactly as deployment does it: {@code credentialsId} is looked up in the context of
 * the build (its job's folders and the global store, with the build's permissions, never the system
 * scope blindly) as AWS credentials or a username with password holding an access key pair; then
 * {@code assumeRoleArn}, if set, is assumed through STS with the session name
 * {@code cd4ml-train-<job>-<build>-<section>} ({@link #sessionName}). Without a credentials ID the
 * controller's default AWS chain is used only when an administrator allows it in the global
 * configuration ({@code trainingMayUseControllerIdentity}, off by default): whoever can change a
 * Jenkinsfile (a branch, a pull request) must not get the controller's AWS identity by leaving the
 * ID out, as for deployment environments declared in a workspace file.
 *
 * <p>Resolved when the step starts and again after a controller restart, and session keys (of a
 * credential with a role of its own) are read again every few minutes while the job trains; keys are never persisted,
 * printed or written to the report. A missing or wrong-kind credential, or a role STS refuses, fails
 * the step with a message naming the ID and kinds, never a secret.
 */
public final class AwsCredentialsResolver {
    /** Jenkins credentials, looked up for the build; the real STS endpoint of the region. */
    static final AwsCredentialsResolver JENKINS = new AwsCredentialsResolver(JenkinsCredentialStore::forBuild,
            Optional.empty(), Duration.ofMinutes(10),
            () -> Cd4mlGlobalConfiguration.get().isTrainingMayUseControllerIdentity());

    private static final SourceLocation STEP = SourceLocation.ofFile("trainModel sagemaker");

    private final Function<Run<?, ?>, CredentialStore> stores;
    private final Optional<URI> stsEndpoint;
    private final Duration rereadAfter;
    private final BooleanSupplier controllerIdentityAllowed;

    /**
     * @param stores the credentials store for a build
     * @param stsEndpoint an STS endpoint override (tests), or empty
     * @param rereadAfter how long stored session keys are used before the credential is read again
     *     (an aws-credentials credential with a role of its own gives sessions of 15 minutes or more)
     * @param controllerIdentityAllowed whether a job without a credentials ID may use the controller's
     *     default AWS chain (the administrator's choice)
     */
    AwsCredentialsResolver(Function<Run<?, ?>, CredentialStore> stores, Optional<URI> stsEndpoint,
            Duration rereadAfter, BooleanSupplier controllerIdentityAllowed) {
        this.controllerIdentityAllowed = controllerIdentityAllowed;
        this.stores = stores;
        this.stsEndpoint = stsEndpoint;
        this.rereadAfter = rereadAfter;
    }

    /**
     * @param identity the build and report section the job is named after, e.g. {@code team/churn#42/training}
     * @return the STS role session name, e.g. {@code cd4ml-train-team-churn-42-training}
     */
    static String sessionName(String identity) {
        return AwsIdentity.sessionName("cd4ml-train-" + identity);
    }

    /**
     * @param credentials what the step asks for (never printed)
     * @param identity the build and report section, for the role session name
     * @param region the job's region (its STS endpoint assumes the role)
     * @param run the build, in whose context credentials are looked up
     * @return the identity; the caller closes it
     * @throws AbortException when the credential is missing, unusable or the role cannot be assumed
     */
    AwsIdentity resolve(EnvironmentCredentials credentials, String identity, Region region, Run<?, ?> run)
            throws AbortException {
        Optional<String> id = credentials.credentialsId();
        if (id.isEmpty() && !controllerIdentityAllowed.getAsBoolean()) {
            throw new AbortException(STEP + ": no credentialsId (expected the ID of AWS credentials; the"
                    + " controller's own AWS identity is used only where an administrator allows it under Manage"
                    + " Jenkins > System > CD4ML, 'trainModel may use the controller's AWS identity')");
        }
        CredentialResolver resolver = new CredentialResolver(stores.apply(run), true);
        Optional<StoredCredential.AwsKeys> keys;
        try {
            keys = id.isEmpty() ? Optional.empty() : Optional.of(keys(resolver, id.get()));
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        Optional<AwsIdentity.Role> role = credentials.role().map(arn -> new AwsIdentity.Role(arn,
                sessionName(identity), region, stsEndpoint));
        try {
            if (keys.isEmpty()) {
                return AwsIdentity.open(Optional.empty(), role);
            }
            // read again while the job trains: session keys of a credential with a role of its own expire
            return AwsIdentity.open(keys.get(), () -> reread(resolver, id.get()), rereadAfter, role);
        } catch (AwsIdentity.RoleRefusedException e) {
            throw new AbortException(STEP + ": cannot assume the role 'assumeRoleArn' through STS with "
                    + id.map(name -> "credentials '" + name + "'").orElse("the controller's default AWS credentials")
                    + ": " + e.getMessage());
        }
    }

    private static StoredCredential.AwsKeys keys(CredentialResolver resolver, String id) throws InvalidInputException {
        return resolver.awsKeys(id, "SageMaker training", STEP);
    }

    private static StoredCredential.AwsKeys reread(CredentialResolver resolver, String id) throws IOException {
        try {
            return keys(resolver, id);
        } catch (InvalidInputException e) {
            throw new IOException(e.getMessage());
        }
    }
}
