package io.jenkins.plugins.cd4ml.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where and as whom cd4ml talks to AWS, and how hard it retries. Credentials are resolved by the
 * caller (a Jenkins step from a credentials ID, the CLI from the default provider chain) and never
 * printed: {@link #toString()} leaves them out.
 *
 * @param region the region
 * @param credentials the credentials provider
 * @param sageMakerEndpoint an endpoint override for SageMaker (tests, VPC endpoints), or empty
 * @param s3Endpoint an endpoint override for S3 (path-style addressing is then used), or empty
 * @param retry retry and timeout policy
 */
public record AwsConnection(Region region, AwsCredentialsProvider credentials, Optional<URI> sageMakerEndpoint,
        Optional<URI> s3Endpoint, RetryPolicy retry) {
    /** Validates. */
    public AwsConnection {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        sageMakerEndpoint = sageMakerEndpoint == null ? Optional.empty() : sageMakerEndpoint;
        s3Endpoint = s3Endpoint == null ? Optional.empty() : s3Endpoint;
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
    }

    /**
     * @param region the region
     * @return a connection through the default AWS credentials provider chain
     */
    public static AwsConnection defaultChain(Region region) {
        return new AwsConnection(region, DefaultCredentialsProvider.builder().build(), Optional.empty(),
                Optional.empty(), RetryPolicy.DEFAULT);
    }

    @Override
    public String toString() {
        return "AwsConnection[region=" + region + ", sageMakerEndpoint=" + sageMakerEndpoint.map(URI::toString)
                .orElse("default") + ", s3Endpoint=" + s3Endpoint.map(URI::toString).orElse("default") + "]";
    }

    /**
     * Bounded retries with exponential backoff (throttling, 5xx, time-outs).
     *
     * @param maxAttempts attempts per call, including the first
     * @param baseDelay first backoff delay
     * @param maxDelay largest backoff delay
     * @param attemptTimeout limit for one attempt
     * @param callTimeout limit for a call with all its attempts
     */
    public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration attemptTimeout,
            Duration callTimeout) {
        /** Five attempts, 100 ms doubling up to 5 s, 30 s per attempt, 2 min per call. */
        public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMinutes(2));

        /** Validates. */
        public RetryPolicy {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
        }
    }
}
