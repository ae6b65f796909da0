package io.jenkins.plugins.cd4ml.gates.quality;

import io.jenkins.plugins.cd4ml.gates.metrics.PredictionSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed, validated gates file: how to read the predictions, the policies, the bootstrap
 * settings and the gates. Parse one with {@link GatesFileParser}.
 *
 * @param source the file it was read from
 * @param columns how to read the predictions file (task, columns, positive label, threshold)
 * @param policies what INCONCLUSIVE and NO_BASELINE mean, how comparisons are decided
 * @param bootstrap the bootstrap settings
 * @param gates the gates, in file order
 * @param sensitive the file's top-level {@code sensitive} columns (the fairness gates' default), possibly empty
 */
public record GatesFile(String source, PredictionSpec columns, GatePolicies policies, BootstrapSettings bootstrap,
        List<GateDefinition> gates, List<String> sensitive) implements Serializable {
    /** Canonical form: immutable lists. */
    public GatesFile {
        gates = List.copyOf(gates);
        sensitive = List.copyOf(sensitive);
    }

    /**
     * A gates file without top-level sensitive columns.
     *
     * @param source the file it was read from
     * @param columns how to read the predictions file
     * @param policies the policies
     * @param bootstrap the bootstrap settings
     * @param gates the gates, in file order
     */
    public GatesFile(String source, PredictionSpec columns, GatePolicies policies, BootstrapSettings bootstrap,
            List<GateDefinition> gates) {
        this(source, columns, policies, bootstrap, gates, List.of());
    }

    /** @return this file with other bootstrap settings (command-line overrides) */
    public GatesFile withBootstrap(BootstrapSettings settings) {
        return new GatesFile(source, columns, policies, settings, gates, sensitive);
    }

    /**
     * The attributes the report breaks down by group: each gate's sensitive columns (an
     * intersection when several), the top-level sensitive columns, then each slice column alone;
     * in file order, without repeats.
     *
     * @return the attributes, each a list of columns
     */
    public List<List<String>> groupAttributes() {
        Set<List<String>> attributes = new LinkedHashSet<>();
        for (GateDefinition gate : gates) {
            if (!gate.sensitive().isEmpty()) {
                attributes.add(gate.sensitive());
            }
        }
        if (!sensitive.isEmpty()) {
            attributes.add(sensitive);
        }
        for (GateDefinition gate : gates) {
            gate.slice().keySet().stream().sorted().forEach(column -> attributes.add(List.of(column)));
        }
        return new ArrayList<>(attributes);
    }
}
