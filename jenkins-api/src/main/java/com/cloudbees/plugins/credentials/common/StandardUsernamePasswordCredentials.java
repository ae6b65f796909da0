package com.cloudbees.plugins.credentials.common;

/** Stub of credentials' {@code StandardUsernamePasswordCredentials}. */
public interface StandardUsernamePasswordCredentials
        extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
