package io.jenkins.plugins.cd4ml.gates.quality;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * The model a candidate is compared with (usually the one serving), re-scored on the evaluation data.
 *
 * @param version the baseline's version as the registry names it, e.g. {@code credit-risk:7}
 * @param predictions its predictions file, joined to the candidate's rows by id or row order; or
 *     {@code null} when the evaluation file itself holds the baseline's columns
 *     ({@code baseline_score} / {@code baseline_prediction} in the gates file)
 * @param dataDigest the digest of the evaluation data the registry recorded for these predictions
 *     ({@code sha256:…}), or {@code null} when unknown; checked against the evaluation file when given
 */
public record Baseline(String version, Path predictions, String dataDigest) implements Serializable {
    /** Requires a version. */
    public Baseline {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a baseline needs a version");
        }
    }
}
