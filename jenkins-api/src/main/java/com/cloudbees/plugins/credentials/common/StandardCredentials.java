package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stub of credentials' {@code StandardCredentials}. */
public interface StandardCredentials extends IdCredentials {
    @NonNull
    String getDescription();
}
