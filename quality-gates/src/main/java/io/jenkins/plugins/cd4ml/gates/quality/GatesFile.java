package io.jenkins.plugins.cd4ml.gates.quality;

import io.jenkins.plugins.cd4ml.gates.metrics.PredictionSpec;
import java.io.Serializable;
import java.util.List;

/**
 * A parsed, validated gates file: how to read the predictions, the policies, the bootstrap
 * settings and the gates. Parse one with {@link GatesFileParser}.
 *
 * @param source the file it was read from
 * @param columns how to read the predictions file (task, columns, positive label, threshold)
 * @param policies what INCONCLUSIVE and NO_BASELINE mean, how comparisons are decided
 * @param bootstrap the bootstrap settings
 * @param gates the gates, in file order
 */
public record GatesFile(String source, PredictionSpec columns, GatePolicies policies, BootstrapSettings bootstrap,
        List<GateDefinition> gates) implements Serializable {
    /** Canonical form: immutable list. */
    public GatesFile {
        gates = List.copyOf(gates);
    }

    /** @return this file with other bootstrap settings (command-line overrides) */
    public GatesFile withBootstrap(BootstrapSettings settings) {
        return new GatesFile(source, columns, policies, settings, gates);
    }
}
