package io.jenkins.plugins.cd4ml.deploy.sagemaker;

import java.io.IOException;

/** An error answer of the SageMaker API ({@code __type} and {@code message} of the JSON 1.1 error body). */
public final class SageMakerException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final int status;

    /**
     * @param errorType the error's type, e.g. {@code ValidationException}
     * @param message the service's message
     * @param status the HTTP status
     */
    public SageMakerException(String errorType, String message, int status) {
        super(errorType + " (HTTP " + status + "): " + message);
        this.errorType = errorType;
        this.status = status;
    }

    /** @return the error's type */
    public String errorType() {
        return errorType;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return whether the named resource does not exist */
    public boolean isNotFound() {
        return getMessage().contains("Could not find") || "ResourceNotFound".equals(errorType);
    }

    /** @return whether a create failed because the resource exists (a retried create whose first answer was lost) */
    public boolean isAlreadyExisting() {
        return getMessage().contains("already existing") || "ResourceInUse".equals(errorType);
    }

    /** @return whether the call may succeed when retried (throttling, service errors) */
    public boolean isRetryable() {
        return status >= 500 || errorType.contains("Throttl") || "RequestLimitExceeded".equals(errorType)
                || "TooManyRequestsException".equals(errorType);
    }
}
