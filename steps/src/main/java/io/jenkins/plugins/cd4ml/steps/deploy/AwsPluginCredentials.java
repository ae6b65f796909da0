package io.jenkins.plugins.cd4ml.steps.deploy;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * AWS credentials of the aws-credentials plugin, an optional dependency: {@link #keys} answers empty
 * when the plugin is not installed, and only then is {@link Installed} (the class that names the
 * plugin's types) never loaded. The keys are copied as strings, so it does not matter which copy of
 * the AWS SDK the plugin's credential returns them in.
 */
final class AwsPluginCredentials {
    private static final boolean INSTALLED = installed();

    private AwsPluginCredentials() {
    }

    private static boolean installed() {
        try {
            Class.forName("com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials", false,
                    AwsPluginCredentials.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * @param credentials a credential
     * @return its AWS keys, when it is an aws-credentials credential
     */
    static Optional<StoredCredential> keys(StandardCredentials credentials) {
        return INSTALLED ? Installed.keys(credentials) : Optional.empty();
    }

    /** Loaded only when the plugin is installed. */
    private static final class Installed {
        static Optional<StoredCredential> keys(StandardCredentials credentials) {
            if (!(credentials instanceof AmazonWebServicesCredentials aws)) {
                return Optional.empty();
            }
            // resolves through STS itself when the credential is configured with a role of its own
            AwsCredentials keys = aws.resolveCredentials();
            String token = keys instanceof AwsSessionCredentials session ? session.sessionToken() : null;
            return Optional.of(new StoredCredential.AwsKeys(keys.accessKeyId(), keys.secretAccessKey(), token));
        }
    }
}
