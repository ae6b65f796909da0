package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import java.io.IOException;

/** Opens the server-backed registries from command-line options. */
final class RemoteBackends {
    private RemoteBackends() {
    }

    static ModelRegistry sagemaker(RegistryOptions options) throws IOException {
        throw new IOException("sagemaker backend not available yet");
    }

    static ModelRegistry mlflow(RegistryOptions options) throws IOException {
        throw new IOException("mlflow backend not available yet");
    }
}
