package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.InputStream;

/** Stub of plain-credentials' {@code FileCredentials} (its {@code @NameWith} and {@code NameProvider} are left out). */
public interface FileCredentials extends StandardCredentials {
    @NonNull String getFileName();

    @NonNull InputStream getContent() throws IOException;
}
