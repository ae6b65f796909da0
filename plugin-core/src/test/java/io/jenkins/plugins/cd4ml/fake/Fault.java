package io.jenkins.plugins.cd4ml.fake;

import java.time.Duration;

/**
 * A failure a fake injects into the next matching request.
 *
 * @param kind what goes wrong
 * @param delay for {@link Kind#SLOW_RESPONSE}: how long the response is held back
 */
public record Fault(Kind kind, Duration delay) {
    /** What goes wrong. */
    public enum Kind {
        /** HTTP 400 {@code ThrottlingException}; the request is not applied. */
        THROTTLE,
        /** HTTP 500 {@code InternalFailure}; the request is not applied. */
        SERVER_ERROR,
        /** The request is applied, then the response is held back (client time-out). */
        SLOW_RESPONSE,
        /** The request is applied, then the connection is closed without a response. */
        DROP_RESPONSE
    }

    /** @return a throttling error */
    public static Fault throttle() {
        return new Fault(Kind.THROTTLE, Duration.ZERO);
    }

    /** @return an internal server error */
    public static Fault serverError() {
        return new Fault(Kind.SERVER_ERROR, Duration.ZERO);
    }

    /** @param delay how long @return a slow response */
    public static Fault slowResponse(Duration delay) {
        return new Fault(Kind.SLOW_RESPONSE, delay);
    }

    /** @return a lost response after the request took effect */
    public static Fault dropResponse() {
        return new Fault(Kind.DROP_RESPONSE, Duration.ZERO);
    }
}
