package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Stub of jenkins-core's {@code hudson.security.AccessControlled}. {@code getACL()} is left out:
 * it would drag in ACL and Spring Security; code here only calls the permission checks.
 */
public interface AccessControlled {
    default void checkPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException();
    }

    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException();
    }
}
