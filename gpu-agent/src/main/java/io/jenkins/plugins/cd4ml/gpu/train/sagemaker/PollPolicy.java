package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a training job is watched: {@code DescribeTrainingJob} every {@code initialDelay}, doubling
 * (by {@code factor}) up to {@code maxDelay} while nothing changes and back to {@code initialDelay}
 * when something does; throttling and transient errors are waited out up to
 * {@code maxConsecutiveErrors} times in a row.
 *
 * @param initialDelay first delay
 * @param maxDelay largest delay
 * @param factor growth per quiet poll (≥ 1)
 * @param maxConsecutiveErrors transient errors tolerated in a row
 * @param stopTimeout after {@code StopTrainingJob}: how long to wait for {@code Stopped}
 */
public record PollPolicy(Duration initialDelay, Duration maxDelay, double factor, int maxConsecutiveErrors,
        Duration stopTimeout) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** 5 s doubling to 60 s, 10 errors in a row, 15 minutes to stop. */
    public static final PollPolicy DEFAULT = new PollPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60), 2.0, 10,
            Duration.ofMinutes(15));

    /** Validates. */
    public PollPolicy {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || factor < 1.0
                || maxConsecutiveErrors < 0) {
            throw new IllegalArgumentException("invalid poll policy " + initialDelay + ".." + maxDelay + " x" + factor);
        }
    }

    /**
     * @param current the delay just used
     * @return the next delay, bounded by {@code maxDelay}
     */
    Duration next(Duration current) {
        long grown = (long) Math.min((double) maxDelay.toMillis(), current.toMillis() * factor);
        return Duration.ofMillis(Math.max(grown, initialDelay.toMillis()));
    }
}
