package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.mlflow.MlflowModelRegistry;
import io.jenkins.plugins.cd4ml.registry.sagemaker.SageMakerModelRegistry;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Opens the server-backed registries from command-line options. Credentials come from the
 * environment only: the default AWS provider chain, {@code MLFLOW_TRACKING_TOKEN}.
 */
final class RemoteBackends {
    private RemoteBackends() {
    }

    static ModelRegistry sagemaker(RegistryOptions options, CommandLine commandLine) {
        if (options.bucket == null || options.bucket.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "--backend sagemaker needs --bucket");
        }
        Region region = options.region != null ? Region.of(options.region)
                : new DefaultAwsRegionProviderChain().getRegion();
        AwsConnection connection = new AwsConnection(region, DefaultCredentialsProvider.builder().build(),
                Optional.ofNullable(options.endpoint), Optional.ofNullable(options.s3Endpoint),
                AwsConnection.RetryPolicy.DEFAULT);
        return SageMakerModelRegistry.connect(connection, options.bucket, options.prefix);
    }

    static ModelRegistry mlflow(RegistryOptions options, CommandLine commandLine) {
        URI uri = options.trackingUri;
        if (uri == null) {
            String env = System.getenv("MLFLOW_TRACKING_URI");
            if (env == null || env.isBlank()) {
                throw new CommandLine.ParameterException(commandLine,
                        "--backend mlflow needs --tracking-uri or MLFLOW_TRACKING_URI");
            }
            uri = URI.create(env);
        }
        String token = System.getenv("MLFLOW_TRACKING_TOKEN");
        return MlflowModelRegistry.connect(uri, Optional.ofNullable(token).filter(t -> !t.isBlank()));
    }
}
