package io.jenkins.plugins.cd4ml.gates.quality;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the baseline model comes from. The model registry implements this ("the version aliased
 * {@code production}, re-scored on this evaluation data"); {@link #file} serves the command line's
 * {@code --baseline-predictions FILE --baseline-version V}.
 */
@FunctionalInterface
public interface BaselineSource {
    /**
     * Resolves the baseline.
     *
     * @return the baseline, or empty when there is none yet (a first model: gates comparing with a
     *     baseline report NO_BASELINE)
     * @throws InvalidInputException when a baseline exists but cannot be used (missing predictions)
     */
    Optional<Baseline> resolve() throws InvalidInputException;

    /** @return a source with no baseline */
    static BaselineSource none() {
        return Optional::empty;
    }

    /**
     * A baseline whose predictions are in a file.
     *
     * @param predictions the predictions file
     * @param version the baseline's version
     * @return the source
     */
    static BaselineSource file(Path predictions, String version) {
        Baseline baseline = new Baseline(version, predictions, null);
        return () -> Optional.of(baseline);
    }

    /**
     * A baseline whose predictions are columns of the evaluation file itself.
     *
     * @param version the baseline's version
     * @return the source
     */
    static BaselineSource sameFile(String version) {
        Baseline baseline = new Baseline(version, null, null);
        return () -> Optional.of(baseline);
    }
}
