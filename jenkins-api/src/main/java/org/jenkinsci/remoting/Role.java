package org.jenkinsci.remoting;

/** Stub of remoting's {@code org.jenkinsci.remoting.Role}. */
public final class Role {
    public Role(String name) {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }
}
