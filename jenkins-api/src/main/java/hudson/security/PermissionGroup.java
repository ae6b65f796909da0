package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

import org.jvnet.localizer.Localizable;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Iterator;

/** Stub of jenkins-core's {@code hudson.security.PermissionGroup}. */
public final class PermissionGroup implements Iterable<Permission>, Comparable<PermissionGroup> {
    /** Keeps its arguments (deliberate stub exception, as for {@link Permission}). */
    public PermissionGroup(@NonNull Class owner, Localizable title) throws IllegalStateException {
        this.owner = owner;
        this.title = title;
    }

    public final Class owner;

    private final Localizable title;

    public Localizable getTitle() {
        return title;
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
