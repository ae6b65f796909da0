package io.jenkins.plugins.cd4ml.steps.deploy;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.Extension;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * AWS credentials of the aws-credentials plugin, an optional dependency: an optional extension, so
 * Jenkins loads it only when that plugin is installed. The keys are copied as strings, so it does
 * not matter which copy of the AWS SDK the plugin's credential returns them in.
 */
@Extension(optional = true)
public final class AwsPluginCredentials implements CredentialConverter {
    @Override
    public Optional<StoredCredential> convert(StandardCredentials credentials) {
        if (!(credentials instanceof AmazonWebServicesCredentials aws)) {
            return Optional.empty();
        }
        // resolves through STS itself when the credential is configured with a role of its own
        AwsCredentials keys = aws.resolveCredentials();
        String token = keys instanceof AwsSessionCredentials session ? session.sessionToken() : null;
        return Optional.of(new StoredCredential.AwsKeys(keys.accessKeyId(), keys.secretAccessKey(), token));
    }
}
