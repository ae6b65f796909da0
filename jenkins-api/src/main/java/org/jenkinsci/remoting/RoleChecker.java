package org.jenkinsci.remoting;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Collection;

/** Stub of remoting's {@code org.jenkinsci.remoting.RoleChecker}. */
public abstract class RoleChecker {
    public abstract void check(@NonNull RoleSensitive subject, @NonNull Collection<Role> expected)
            throws SecurityException;

    public void check(@NonNull RoleSensitive subject, @NonNull Role expected) throws SecurityException {
        throw new UnsupportedOperationException();
    }
}
