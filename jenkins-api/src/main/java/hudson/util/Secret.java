package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/** Stub of jenkins-core's {@code hudson.util.Secret}. */
public final class Secret implements Serializable {
    private Secret() {
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public String getPlainText() {
        throw new UnsupportedOperationException();
    }

    public String getEncryptedValue() {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static Secret fromString(@CheckForNull String data) {
        throw new UnsupportedOperationException();
    }

    @NonNull
    public static String toString(@CheckForNull Secret s) {
        throw new UnsupportedOperationException();
    }
}
