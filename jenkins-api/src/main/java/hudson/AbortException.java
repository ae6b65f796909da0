package hudson;

import java.io.IOException;

/**
 * Stub of jenkins-core's {@code hudson.AbortException}. Behaves as the real one (it only carries a
 * message), so step code that throws it can be unit-tested.
 */
public class AbortException extends IOException {
    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }

    private static final long serialVersionUID = 1L;
}
