package io.jenkins.plugins.cd4ml.gpu.train;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A declared output after the command ran.
 *
 * @param declared what was declared
 * @param present whether it exists
 * @param digest {@code sha256:…} of the file, or of the directory's manifest; empty when absent
 * @param bytes total size in bytes
 * @param files how many files (1 for a file)
 * @param metrics numeric metrics read from a METRICS output (empty otherwise)
 */
public record CollectedOutput(DeclaredOutput declared, boolean present, String digest, long bytes, int files,
        Map<String, Double> metrics) implements Serializable {
    public CollectedOutput {
        metrics = java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
    }
}
