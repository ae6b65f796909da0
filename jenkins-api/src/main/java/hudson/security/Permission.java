package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import org.jvnet.localizer.Localizable;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stub of jenkins-core's {@code hudson.security.Permission}: constants and identity only. */
public final class Permission {
    public static final Permission HUDSON_ADMINISTER = null;

    public static final Permission READ = null;

    public static final Permission WRITE = null;

    public static final Permission CONFIGURE = null;

    /**
     * Keeps its arguments (deliberate stub exception: plugins declare permission constants, which
     * must initialise in unit tests).
     */
    public Permission(@NonNull PermissionGroup group, @NonNull String name,
            @CheckForNull Localizable description, @CheckForNull Permission impliedBy, @NonNull PermissionScope scope) {
        this.group = group;
        this.name = name;
        this.description = description;
        this.impliedBy = impliedBy;
    }

    public final @NonNull PermissionGroup group;

    public final @NonNull String name;

    public final @CheckForNull Localizable description;

    public final @CheckForNull Permission impliedBy;

    public @NonNull String getId() {
        throw new UnsupportedOperationException();
    }
}
