package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@code deployModel} step or {@code cd4ml deploy} asks for.
 *
 * @param environment where to deploy
 * @param model the registered model
 * @param version the version
 * @param strategy how
 * @param lockTimeout how long to wait when another deployment holds the environment
 * @param requestedBy who asks (a build URL, a user), recorded on the lock and the timeline
 */
public record DeploymentRequest(Environment environment, String model, String version, DeploymentStrategy strategy,
        Duration lockTimeout, String requestedBy) implements Serializable {
    /** Checks required fields. */
    public DeploymentRequest {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(strategy, "strategy");
        lockTimeout = lockTimeout == null ? Duration.ofMinutes(30) : lockTimeout;
        requestedBy = requestedBy == null ? "unknown" : requestedBy;
    }

    /** @return the deployment's id: the same for a retry or a resume of this request */
    public String deploymentId() {
        return ResourceNames.deploymentId(model, version, environment.name());
    }
}
