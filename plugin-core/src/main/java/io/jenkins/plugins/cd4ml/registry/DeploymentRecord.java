package io.jenkins.plugins.cd4ml.registry;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The extension point through which the deployment area reports where a version went; the
 * registry keeps these in an append-only log per model and shows them in the lineage.
 *
 * @param environment the target environment (e.g. {@code staging}, {@code prod-eu})
 * @param strategy how (e.g. {@code canary}, {@code blue-green}), or empty
 * @param outcome what happened (e.g. {@code DEPLOYED}, {@code ROLLED_BACK})
 * @param by who or which build deployed it
 * @param at when
 * @param buildUrl the deploying build, or empty
 */
public record DeploymentRecord(String environment, String strategy, String outcome, String by, Instant at,
        String buildUrl) implements Serializable {
    /** Validates and normalises. */
    public DeploymentRecord {
        environment = Names.requireText(environment, "environment");
        strategy = strategy == null ? "" : strategy;
        outcome = Names.requireText(outcome, "outcome");
        by = by == null ? "" : by;
        Objects.requireNonNull(at, "at");
        buildUrl = buildUrl == null ? "" : buildUrl;
    }
}
