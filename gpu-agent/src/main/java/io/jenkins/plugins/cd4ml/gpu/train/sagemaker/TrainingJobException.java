package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

/**
 * SageMaker could not be asked (unreachable, throttled past the limit, access denied) or refused
 * the request: the training's outcome is unknown, which is an ERROR, never a pass or fail.
 */
public class TrainingJobException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong @param cause the SDK's exception, or {@code null} */
    public TrainingJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
