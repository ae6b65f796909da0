package hudson.security;

/** Stub of jenkins-core's {@code hudson.security.PermissionScope}: the constants only. */
public final class PermissionScope {
    public static final PermissionScope JENKINS = null;

    public static final PermissionScope ITEM_GROUP = null;

    public static final PermissionScope ITEM = null;

    public static final PermissionScope RUN = null;

    public static final PermissionScope COMPUTER = null;

    private PermissionScope() {
    }
}
