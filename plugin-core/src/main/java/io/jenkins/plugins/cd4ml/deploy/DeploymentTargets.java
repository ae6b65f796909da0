package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;

/**
 * Opens the target of an environment. The caller resolves credentials (Jenkins credentials IDs,
 * roles to assume) when it builds its implementation, so the engine never sees secrets.
 */
@FunctionalInterface
public interface DeploymentTargets {
    /**
     * @param environment the environment
     * @return its target, closed by the engine after the deployment
     * @throws InvalidInputException when the target's settings cannot be used
     */
    DeploymentTarget open(Environment environment) throws InvalidInputException;
}
