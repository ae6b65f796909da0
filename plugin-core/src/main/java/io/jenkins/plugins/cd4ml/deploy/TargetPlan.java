package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import java.io.Serializable;

/**
 * One rollout as a target receives it. Everything a target creates is named from
 * {@link #resourceName()} (deterministic in model, version and environment) so a retried or resumed
 * rollout finds what the first attempt created (describe before create).
 *
 * @param deploymentId the deployment's id
 * @param environment the environment's name
 * @param model the registered model
 * @param version the version to deploy
 * @param artifactUri where its artifact lives
 * @param previousVersion the version serving before, or {@code null} for a first deployment
 * @param strategy how to roll out
 */
public record TargetPlan(String deploymentId, String environment, String model, String version, String artifactUri,
        String previousVersion, DeploymentStrategy strategy) implements Serializable {
    /** @return a name for resources of this version in this environment (≤ 63 characters, DNS-safe) */
    public String resourceName() {
        return ResourceNames.forVersion(model, version, environment);
    }

    /** @return a name for the model's endpoint/service in this environment (≤ 63 characters, DNS-safe) */
    public String serviceName() {
        return ResourceNames.forService(model, environment);
    }
}
