package io.jenkins.plugins.cd4ml.gates.quality;

import java.io.Serializable;

/**
 * Settings of the paired bootstrap.
 *
 * @param resamples the number of resamples (0 disables intervals; decisions then use point estimates)
 * @param confidence the confidence level of the intervals, e.g. 0.95
 * @param seed the random seed; the same seed and data give the same intervals
 */
public record BootstrapSettings(int resamples, double confidence, long seed) implements Serializable {
    /** 1 000 resamples, 95 %, seed 42. */
    public static final BootstrapSettings DEFAULT = new BootstrapSettings(1000, 0.95, 42);

    /** Validates the ranges. */
    public BootstrapSettings {
        if (resamples < 0) {
            throw new IllegalArgumentException("resamples must be >= 0 but was " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1) but was " + confidence);
        }
    }

    /** @return these settings with another seed */
    public BootstrapSettings withSeed(long newSeed) {
        return new BootstrapSettings(resamples, confidence, newSeed);
    }

    /** @return these settings with another number of resamples */
    public BootstrapSettings withResamples(int newResamples) {
        return new BootstrapSettings(newResamples, confidence, seed);
    }
}
