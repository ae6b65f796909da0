package io.jenkins.plugins.cd4ml.deploy.strategy;

/** A strategy value outside the guardrail limits; the message names the field, the value and the limit. */
public class InvalidStrategyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what is allowed */
    public InvalidStrategyException(String message) {
        super(message);
    }
}
