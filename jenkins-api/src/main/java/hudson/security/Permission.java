package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stub of jenkins-core's {@code hudson.security.Permission}: constants and identity only. */
public final class Permission {
    public static final Permission HUDSON_ADMINISTER = null;

    public static final Permission READ = null;

    public static final Permission WRITE = null;

    public static final Permission CONFIGURE = null;

    private Permission() {
    }

    public @NonNull String getId() {
        throw new UnsupportedOperationException();
    }
}
