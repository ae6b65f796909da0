package io.jenkins.plugins.cd4ml.registry;

import java.io.IOException;

/** A registry operation failed (backend unreachable, refused, or inconsistent). */
public class RegistryException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed */
    public RegistryException(String message) {
        super(message);
    }

    /** @param message what failed @param cause why */
    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
