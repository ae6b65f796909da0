package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How far a training job's container logs have been shown: per log stream, the CloudWatch Logs
 * {@code nextForwardToken} to read on from ("" for a stream seen but not yet read), and how many
 * lines were shown in all. Small and serializable, so a Jenkins step keeps it with its state and a
 * restarted controller goes on where it stopped instead of printing the logs again.
 *
 * @param tokens log stream name → next forward token, sorted by stream name
 * @param lines how many lines were shown
 */
public record TrainingLogCursor(Map<String, String> tokens, long lines) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Nothing shown yet. */
    public static final TrainingLogCursor START = new TrainingLogCursor(Map.of(), 0);

    /** Copies the map. */
    public TrainingLogCursor {
        Objects.requireNonNull(tokens, "tokens");
        tokens = Collections.unmodifiableMap(new TreeMap<>(tokens));
        if (lines < 0) {
            throw new IllegalArgumentException("lines must not be negative but was " + lines);
        }
    }

    /**
     * @param stream a log stream name
     * @return the token to read on from, or "" to read the stream from its start
     */
    public String token(String stream) {
        return tokens.getOrDefault(stream, "");
    }
}
