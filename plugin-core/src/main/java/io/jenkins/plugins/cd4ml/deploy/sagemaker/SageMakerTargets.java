package io.jenkins.plugins.cd4ml.deploy.sagemaker;

import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTargets;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialResolver;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Opens SageMaker targets with each environment's own AWS identity: the keys its credentials ID names
 * (or, where the resolver allows it, the process's default chain), then, when the environment has a
 * {@code roleArn}, that role assumed through STS with the session name
 * {@code cd4ml-deploy-<environment>} (deterministic, so CloudTrail shows which environment acted).
 * Dev, staging and production can thus live in separate accounts.
 *
 * <p>The role is assumed when the target is opened, so a role that cannot be assumed is an ERROR
 * before anything changes; the provider refreshes the session during long bakes.
 */
public final class SageMakerTargets implements DeploymentTargets {
    /** Session length asked for; the provider refreshes before it ends. */
    static final int SESSION_SECONDS = 3600;

    private final CredentialResolver credentials;
    private final Sleeper sleeper;

    /**
     * @param credentials resolves the environment's credentials reference
     * @param sleeper waits between SageMaker retries
     */
    public SageMakerTargets(CredentialResolver credentials, Sleeper sleeper) {
        this.credentials = credentials;
        this.sleeper = sleeper;
    }

    /**
     * @param environment an environment
     * @return the STS role session name used for it
     */
    public static String sessionName(Environment environment) {
        return "cd4ml-deploy-" + environment.name();
    }

    @Override
    public DeploymentTarget open(Environment environment) throws InvalidInputException {
        String region = environment.target().setting("region", "");
        URI endpoint = environment.target().setting("endpointUrl").map(URI::create)
                .orElse(SageMakerApi.endpointOf(region));
        List<AutoCloseable> resources = new ArrayList<>();
        Optional<StoredCredential.AwsKeys> keys = credentials.aws(environment);
        AwsCredentialsProvider provider;
        if (keys.isPresent()) {
            provider = StaticCredentialsProvider.create(toSdk(keys.get()));
        } else {
            DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
            resources.add(chain);
            provider = chain;
        }
        Optional<String> role = environment.credentials().role();
        if (role.isPresent()) {
            provider = assume(environment, region, role.get(), provider, resources);
        }
        return SageMakerTarget.closing(environment, new SageMakerApi(endpoint, region, provider, sleeper),
                () -> closeAll(resources));
    }

    private static AwsCredentialsProvider assume(Environment environment, String region, String role,
            AwsCredentialsProvider base, List<AutoCloseable> resources) throws InvalidInputException {
        StsClientBuilder builder = StsClient.builder().region(Region.of(region)).credentialsProvider(base);
        environment.target().setting("stsEndpointUrl").map(URI::create).ifPresent(builder::endpointOverride);
        StsClient sts = builder.build();
        StsAssumeRoleCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request -> request.roleArn(role).roleSessionName(sessionName(environment))
                        .durationSeconds(SESSION_SECONDS))
                .build();
        resources.add(assumed);
        resources.add(sts);
        try {
            assumed.resolveCredentials();
        } catch (SdkException e) {
            closeAll(resources);
            throw new InvalidInputException(SourceLocation.ofFile("environment " + environment.name()),
                    "cannot assume the environment's role (roleArn) through STS: " + describe(e), e);
        }
        return assumed;
    }

    /** What went wrong, without the request's details (the role ARN, the caller's identity). */
    private static String describe(SdkException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + ")";
            }
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static AwsCredentials toSdk(StoredCredential.AwsKeys keys) {
        return keys.sessionToken() == null ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken());
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing credential providers and clients: nothing to recover
            }
        }
    }
}
