package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import java.io.Serializable;
import java.time.Instant;

/**
 * One of SageMaker's {@code SecondaryStatusTransitions}: Starting, Downloading, Training,
 * Interrupted (spot capacity reclaimed), Uploading, Completed, Stopped, …
 *
 * @param status the secondary status
 * @param start when it began, or {@code null}
 * @param end when it ended, or {@code null} while current
 * @param message SageMaker's message, or ""
 */
public record StatusTransition(String status, Instant start, Instant end, String message) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** @return whether spot capacity was reclaimed here */
    public boolean interrupted() {
        return "Interrupted".equals(status);
    }
}
