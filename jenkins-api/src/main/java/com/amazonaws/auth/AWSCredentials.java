package com.amazonaws.auth;

/** Stub of aws-credentials' own {@code com.amazonaws.auth.AWSCredentials} (the SDK v1 shape it keeps). */
@Deprecated(forRemoval = true)
public interface AWSCredentials {
    public String getAWSAccessKeyId();

    public String getAWSSecretKey();
}
