package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/** Stub of jenkins-core's {@code hudson.util.FormValidation}. */
public abstract class FormValidation extends IOException implements HttpResponse {
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException();
    }

    public static FormValidation error(Throwable e, String message) {
        throw new UnsupportedOperationException();
    }

    public static FormValidation validateRequired(String value) {
        throw new UnsupportedOperationException();
    }
}
