package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.cli.OutputFormat;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options every {@code cd4ml registry} command shares: which backend, where, and the output format.
 * Credentials never appear on the command line: AWS uses the default provider chain, MLflow the
 * {@code MLFLOW_TRACKING_TOKEN} environment variable.
 */
public final class RegistryOptions {
    /** The registry backends. */
    public enum Backend {
        /** A local directory store. */
        embedded,
        /** SageMaker Model Registry with artifacts in S3. */
        sagemaker,
        /** An MLflow tracking server. */
        mlflow
    }

    @Option(names = "--backend", description = "Registry backend: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            defaultValue = "embedded")
    Backend backend;

    @Option(names = "--store", paramLabel = "DIR",
            description = "Embedded store directory (default: $CD4ML_REGISTRY or .cd4ml/registry).")
    Path store;

    @Option(names = "--region", description = "AWS region (sagemaker; default: the AWS provider chain's).")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Override the SageMaker endpoint (sagemaker).")
    URI endpoint;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "Override the S3 endpoint (sagemaker).")
    URI s3Endpoint;

    @Option(names = "--bucket", description = "S3 bucket for artifacts (sagemaker).")
    String bucket;

    @Option(names = "--prefix", description = "S3 key prefix for artifacts (sagemaker; default: ${DEFAULT-VALUE}).",
            defaultValue = "cd4ml-registry")
    String prefix;

    @Option(names = "--tracking-uri", paramLabel = "URL",
            description = "MLflow tracking server (mlflow; default: $MLFLOW_TRACKING_URI).")
    URI trackingUri;

    @Option(names = "--format", description = "Output: text or json (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    OutputFormat format;

    /**
     * @param commandLine the command, for usage errors
     * @return the registry these options name
     * @throws InvalidInputException if the store directory is unusable
     * @throws IOException if the backend cannot be reached
     */
    ModelRegistry open(CommandLine commandLine) throws InvalidInputException, IOException {
        return switch (backend) {
            case embedded -> EmbeddedModelRegistry.open(storeDir());
            case sagemaker -> RemoteBackends.sagemaker(this, commandLine);
            case mlflow -> RemoteBackends.mlflow(this, commandLine);
        };
    }

    private Path storeDir() {
        if (store != null) {
            return store;
        }
        String env = System.getenv("CD4ML_REGISTRY");
        return env == null || env.isBlank() ? Path.of(".cd4ml", "registry") : Path.of(env);
    }

    boolean json() {
        return format == OutputFormat.json;
    }
}
