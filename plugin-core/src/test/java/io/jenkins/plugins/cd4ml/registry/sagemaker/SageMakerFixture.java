package io.jenkins.plugins.cd4ml.registry.sagemaker;

import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import io.jenkins.plugins.cd4ml.fake.FakeS3;
import io.jenkins.plugins.cd4ml.fake.FakeSageMaker;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The fakes plus a registry connected to them through the real SDK clients. */
final class SageMakerFixture implements AutoCloseable {
    static final String BUCKET = "models";
    final FakeSageMaker sageMaker;
    final FakeS3 s3;
    final SageMakerModelRegistry registry;

    SageMakerFixture(AwsConnection.RetryPolicy retry) throws IOException {
        sageMaker = FakeSageMaker.start();
        s3 = FakeS3.start(BUCKET);
        AwsConnection connection = new AwsConnection(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")),
                Optional.of(sageMaker.endpoint()), Optional.of(s3.endpoint()), retry);
        registry = SageMakerModelRegistry.connect(connection, BUCKET, "cd4ml");
    }

    static AwsConnection.RetryPolicy fastRetries() {
        return new AwsConnection.RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(80), Duration.ofSeconds(2),
                Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        registry.close();
        sageMaker.close();
        s3.close();
    }
}
