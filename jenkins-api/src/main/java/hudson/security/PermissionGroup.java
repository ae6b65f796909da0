package hudson.security;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Iterator;

/** Stub of jenkins-core's {@code hudson.security.PermissionGroup}. */
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {
    private PermissionGroup() {
    }

    public static synchronized @CheckForNull PermissionGroup get(Class owner) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterator<Permission> iterator() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int compareTo(PermissionGroup that) {
        throw new UnsupportedOperationException();
    }
}
