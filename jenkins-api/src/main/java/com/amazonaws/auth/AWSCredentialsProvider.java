package com.amazonaws.auth;

/** Stub of aws-credentials' own {@code com.amazonaws.auth.AWSCredentialsProvider} (the SDK v1 shape it keeps). */
@Deprecated(forRemoval = true)
public interface AWSCredentialsProvider {
    public AWSCredentials getCredentials();

    public void refresh();
}
