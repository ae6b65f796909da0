package com.cloudbees.jenkins.plugins.awscredentials;

import com.amazonaws.auth.AWSCredentials;
import com.amazonaws.auth.AWSCredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Stub of aws-credentials' {@code AmazonWebServicesCredentials} (its {@code @NameWith} and nested
 * {@code NameProvider} are left out). Since 243.v41c19a_fb_5dcf it extends the AWS SDK v2
 * {@link AwsCredentialsProvider}.
 */
public interface AmazonWebServicesCredentials
        extends StandardCredentials, AwsCredentialsProvider, AWSCredentialsProvider {
    /** Serial UID from 1.16. */
    long serialVersionUID = -8931505925778535681L;

    String getDisplayName();

    AwsCredentials resolveCredentials(String mfaToken);

    /**
     * @deprecated use {@link #resolveCredentials(String)}
     */
    @Deprecated
    AWSCredentials getCredentials(String mfaToken);
}
