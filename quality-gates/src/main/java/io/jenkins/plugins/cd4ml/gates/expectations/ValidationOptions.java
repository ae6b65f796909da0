package io.jenkins.plugins.cd4ml.gates.expectations;

import java.io.Serializable;

/**
 * How to run a validation; one immutable value shared by the CLI and the Jenkins step.
 *
 * @param maxSamples how many offending rows to keep per expectation (0 for none)
 * @param delimiter the CSV delimiter, or null to choose by file name ({@code .tsv}: tab, else comma)
 * @param parallel whether to parse on one thread while checking on another
 */
public record ValidationOptions(int maxSamples, Character delimiter, boolean parallel) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The default number of sample rows. */
    public static final int DEFAULT_SAMPLES = 5;

    /** Rejects a negative sample count. */
    public ValidationOptions {
        if (maxSamples < 0) {
            throw new IllegalArgumentException("maxSamples must be >= 0 but was " + maxSamples);
        }
    }

    /** @return 5 samples, delimiter by file name, parallel */
    public static ValidationOptions defaults() {
        return new ValidationOptions(DEFAULT_SAMPLES, null, true);
    }

    /**
     * @param samples the number of sample rows
     * @return a copy with that many samples
     */
    public ValidationOptions withMaxSamples(int samples) {
        return new ValidationOptions(samples, delimiter, parallel);
    }

    /**
     * @param separator the CSV delimiter
     * @return a copy with that delimiter
     */
    public ValidationOptions withDelimiter(char separator) {
        return new ValidationOptions(maxSamples, separator, parallel);
    }

    /**
     * @param enabled whether to parse and check on two threads
     * @return a copy
     */
    public ValidationOptions withParallel(boolean enabled) {
        return new ValidationOptions(maxSamples, delimiter, enabled);
    }
}
