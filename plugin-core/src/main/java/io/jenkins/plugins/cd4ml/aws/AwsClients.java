package io.jenkins.plugins.cd4ml.aws;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** Builds AWS SDK v2 clients for an {@link AwsConnection}; shared by the registry, deployment and training. */
public final class AwsClients {
    private AwsClients() {
    }

    /**
     * @param connection region, credentials, endpoint, retries
     * @return a SageMaker client (the caller closes it)
     */
    public static SageMakerClient sageMaker(AwsConnection connection) {
        var builder = SageMakerClient.builder().region(connection.region())
                .credentialsProvider(connection.credentials())
                .overrideConfiguration(overrides(connection.retry()));
        connection.sageMakerEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * @param connection region, credentials, endpoint, retries
     * @return an S3 client (path-style when the endpoint is overridden; the caller closes it)
     */
    public static S3Client s3(AwsConnection connection) {
        var builder = S3Client.builder().region(connection.region())
                .credentialsProvider(connection.credentials())
                .overrideConfiguration(overrides(connection.retry()));
        connection.s3Endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    /**
     * @param retry the policy
     * @return client settings that apply it: bounded attempts, exponential backoff with jitter
     */
    public static ClientOverrideConfiguration overrides(AwsConnection.RetryPolicy retry) {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(retry.baseDelay(), retry.maxDelay());
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(retry.maxAttempts())
                        .backoffStrategy(backoff)
                        .throttlingBackoffStrategy(backoff)
                        .circuitBreakerEnabled(false)
                        .build())
                .apiCallAttemptTimeout(retry.attemptTimeout())
                .apiCallTimeout(retry.callTimeout())
                .build();
    }
}
