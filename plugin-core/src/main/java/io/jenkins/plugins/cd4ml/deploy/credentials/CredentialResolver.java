package io.jenkins.plugins.cd4ml.deploy.credentials;

import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.util.Optional;

/**
 * Turns an environment's credentials reference into the credential its target authenticates with,
 * checking that the credential exists and has a kind the target can use. Problems are
 * {@link InvalidInputException}s (the deployment is an ERROR, nothing was changed); messages name
 * the environment, the credentials ID and kinds, never a secret.
 *
 * <p>An environment without a credentials ID uses the process's own identity (default AWS chain,
 * kubeconfig) only where {@code processIdentityAllowed}: in Jenkins that is for environments an
 * administrator declared in the global configuration, never for ones a job declares in its
 * workspace, which would otherwise deploy with the controller's identity.
 */
public final class CredentialResolver {
    private final CredentialStore store;
    private final boolean processIdentityAllowed;

    /**
     * @param store where credentials IDs are looked up
     * @param processIdentityAllowed whether an environment without a credentials ID may use the process's identity
     */
    public CredentialResolver(CredentialStore store, boolean processIdentityAllowed) {
        this.store = store;
        this.processIdentityAllowed = processIdentityAllowed;
    }

    /**
     * @param environment a {@code sagemaker} environment
     * @return its AWS keys, or empty for the process's default AWS credentials chain
     * @throws InvalidInputException when the credential is missing, of the wrong kind, or required but not named
     */
    public Optional<StoredCredential.AwsKeys> aws(Environment environment) throws InvalidInputException {
        Optional<StoredCredential> credential = find(environment);
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(asAwsKeys(environment.credentials().awsCredentialsId(), credential.get(),
                "a " + environment.target().type().id() + " target", where(environment)));
    }

    /**
     * The AWS keys a credentials ID names, for users other than deployment environments (SageMaker
     * training): AWS credentials, or a username with password holding an access key pair.
     *
     * @param id the credentials ID
     * @param user who needs them, for messages, e.g. {@code "SageMaker training"}
     * @param where where the ID was given, for messages
     * @return the keys
     * @throws InvalidInputException when the credential is missing, unreadable or of the wrong kind
     */
    public StoredCredential.AwsKeys awsKeys(String id, String user, SourceLocation where)
            throws InvalidInputException {
        return asAwsKeys(id, lookUp(id, where), user, where);
    }

    private static StoredCredential.AwsKeys asAwsKeys(String id, StoredCredential credential, String user,
            SourceLocation where) throws InvalidInputException {
        if (credential instanceof StoredCredential.AwsKeys keys) {
            return keys;
        }
        if (credential instanceof StoredCredential.UsernamePassword pair) {
            return new StoredCredential.AwsKeys(pair.username(), pair.password(), null);
        }
        throw wrongKind(id, credential, user, "AWS credentials (aws-credentials plugin) or Username with password"
                + " (access key ID as user name, secret access key as password)", where);
    }

    /**
     * @param environment a {@code kserve} environment
     * @return a {@link StoredCredential.SecretFile} (a kubeconfig) or a {@link StoredCredential.SecretText}
     *     (a bearer token for the {@code apiServerUrl} setting), or empty for the process's kubeconfig
     * @throws InvalidInputException when the credential is missing, of the wrong kind, or required but not named
     */
    public Optional<StoredCredential> kubernetes(Environment environment) throws InvalidInputException {
        Optional<StoredCredential> credential = find(environment);
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        if (credential.get() instanceof StoredCredential.SecretFile) {
            return credential;
        }
        if (credential.get() instanceof StoredCredential.SecretText) {
            if (environment.target().setting("apiServerUrl").isEmpty()) {
                throw problem(environment, "credentials '" + environment.credentials().awsCredentialsId()
                        + "' are a token (Secret text): set the target's 'apiServerUrl' to the cluster's API"
                        + " server, or use a kubeconfig (Secret file)");
            }
            return credential;
        }
        throw wrongKind(environment.credentials().awsCredentialsId(), credential.get(),
                "a " + environment.target().type().id() + " target",
                "a kubeconfig (Secret file) or a service account token (Secret text)", where(environment));
    }

    private Optional<StoredCredential> find(Environment environment) throws InvalidInputException {
        Optional<String> id = environment.credentials().credentialsId();
        if (id.isEmpty()) {
            if (!processIdentityAllowed) {
                throw problem(environment, "a " + environment.target().type().id() + " environment declared in the"
                        + " workspace must name its credentials ('credentialsId'); only environments in Jenkins'"
                        + " global configuration may use the controller's own " + identity(environment.target().type()));
            }
            return Optional.empty();
        }
        return Optional.of(lookUp(id.get(), where(environment)));
    }

    private StoredCredential lookUp(String id, SourceLocation where) throws InvalidInputException {
        try {
            return store.find(id).orElseThrow(() -> new InvalidInputException(where, "credentials '" + id
                    + "' not found, or this build may not use them (they are looked up with the build's"
                    + " permissions: store them in the job's folder or with global scope)"));
        } catch (IOException e) {
            // the cause is not kept: only the store's message, which names no secret (CredentialStore)
            throw new InvalidInputException(where, "credentials '" + id + "' cannot be read: " + e.getMessage());
        }
    }

    private static String identity(TargetType type) {
        return type == TargetType.KSERVE ? "kubeconfig" : "AWS identity";
    }

    private static InvalidInputException wrongKind(String id, StoredCredential credential, String user,
            String expected, SourceLocation where) {
        return new InvalidInputException(where, "credentials '" + id + "' are " + credential.kind() + "; " + user
                + " needs " + expected);
    }

    private static InvalidInputException problem(Environment environment, String message) {
        return new InvalidInputException(where(environment), message);
    }

    private static SourceLocation where(Environment environment) {
        return SourceLocation.ofFile("environment " + environment.name());
    }
}
