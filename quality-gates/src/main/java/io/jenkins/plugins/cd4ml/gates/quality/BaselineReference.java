package io.jenkins.plugins.cd4ml.gates.quality;

import java.io.Serializable;

/**
 * The baseline a report compared with.
 *
 * @param version the baseline's version
 * @param source where its predictions came from (a file, or the evaluation file's columns)
 * @param predictionsDigest digest of its predictions file ({@code null} when in the evaluation file)
 */
public record BaselineReference(String version, String source, String predictionsDigest) implements Serializable {
}
