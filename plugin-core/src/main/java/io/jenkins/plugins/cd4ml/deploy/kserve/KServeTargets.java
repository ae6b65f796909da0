package io.jenkins.plugins.cd4ml.deploy.kserve;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTargets;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialResolver;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Opens KServe targets with each environment's own cluster access: a kubeconfig (Secret file, its
 * {@code context} setting picks the context), a service account token (Secret text) for the
 * {@code apiServerUrl} setting, or, where the resolver allows it, the process's kubeconfig.
 */
public final class KServeTargets implements DeploymentTargets {
    private final CredentialResolver credentials;

    /** @param credentials resolves the environment's credentials reference */
    public KServeTargets(CredentialResolver credentials) {
        this.credentials = credentials;
    }

    @Override
    public DeploymentTarget open(Environment environment) throws InvalidInputException {
        return KServeTarget.closingClient(environment, new KubernetesClientBuilder().withConfig(config(environment))
                .build());
    }

    /**
     * @param environment a {@code kserve} environment
     * @return the client configuration for its cluster
     * @throws InvalidInputException when its credentials are missing, of the wrong kind or not a kubeconfig
     */
    Config config(Environment environment) throws InvalidInputException {
        String context = environment.target().setting("context").orElse(null);
        Optional<StoredCredential> credential = credentials.kubernetes(environment);
        if (credential.isEmpty()) {
            return Config.autoConfigure(context);
        }
        if (credential.get() instanceof StoredCredential.SecretText token) {
            return new ConfigBuilder(Config.empty())
                    .withMasterUrl(environment.target().setting("apiServerUrl", ""))
                    .withOauthToken(token.secret())
                    .build();
        }
        StoredCredential.SecretFile file = (StoredCredential.SecretFile) credential.get();
        try {
            return Config.fromKubeconfig(context, new String(file.content(), StandardCharsets.UTF_8), null);
        } catch (RuntimeException e) {
            // the parser's message may quote the file: only its kind is reported
            throw new InvalidInputException(SourceLocation.ofFile("environment " + environment.name()),
                    "credentials '" + environment.credentials().awsCredentialsId() + "' are not a usable kubeconfig"
                    + (context == null ? "" : " with context '" + context + "'") + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
