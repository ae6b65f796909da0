package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/** Stub of plain-credentials' {@code StringCredentials} (its {@code @NameWith} is left out). */
public interface StringCredentials extends StandardCredentials {
    @NonNull Secret getSecret();
}
