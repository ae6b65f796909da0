package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.util.ListBoxModel;

/**
 * Stub of credentials' {@code AbstractIdCredentialsListBoxModel}: a list box of credential IDs
 * (the IDs and names only, never secrets).
 *
 * @param <T> the concrete model
 * @param <C> the credential type listed
 */
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
        C extends IdCredentials>
        extends ListBoxModel {

    @NonNull
    protected abstract String describe(@NonNull C c);

    @NonNull
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException();
    }

    public AbstractIdCredentialsListBoxModel<T, C> include(@Nullable Item context, @NonNull Class<? extends C> type) {
        throw new UnsupportedOperationException();
    }

    public AbstractIdCredentialsListBoxModel<T, C> include(@NonNull ItemGroup context,
                                                           @NonNull Class<? extends C> type) {
        throw new UnsupportedOperationException();
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(@NonNull String value) {
        throw new UnsupportedOperationException();
    }
}
