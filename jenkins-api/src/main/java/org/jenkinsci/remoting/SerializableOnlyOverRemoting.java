package org.jenkinsci.remoting;

import java.io.Serializable;

/** Stub of remoting's {@code org.jenkinsci.remoting.SerializableOnlyOverRemoting}. */
public interface SerializableOnlyOverRemoting extends Serializable {
}
