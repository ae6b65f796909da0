package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stub of credentials' {@code StandardListBoxModel}. */
public class StandardListBoxModel
        extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {

    @NonNull
    protected String describe(@NonNull StandardCredentials c) {
        throw new UnsupportedOperationException();
    }
}
