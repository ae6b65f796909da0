package org.jenkinsci.remoting;

/** Stub of remoting's {@code org.jenkinsci.remoting.RoleSensitive}. */
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
