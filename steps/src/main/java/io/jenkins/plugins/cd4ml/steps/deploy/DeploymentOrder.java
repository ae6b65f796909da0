package io.jenkins.plugins.cd4ml.steps.deploy;

import io.jenkins.plugins.cd4ml.deploy.DeploymentRequest;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.Environments;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.Serializable;

/**
 * What a deployment step asks for, before it is resolved against the registry: {@code deployModel}
 * names a version or alias, {@code promoteModel} names the environment to promote from. Resolved
 * once, at start; the resulting request is persisted so a resumed step deploys the same version.
 */
interface DeploymentOrder extends Serializable {
    /** @return the step's function name, for log lines and messages */
    String step();

    /**
     * @param deployer the controller's deployer
     * @param environments the declared environments
     * @param requestedBy the build
     * @return the engine's request
     * @throws InvalidInputException when an environment, version or alias is unknown, or approval is missing
     * @throws IOException when the registry cannot be read
     */
    DeploymentRequest resolve(ControllerDeployer deployer, Environments environments, String requestedBy)
            throws InvalidInputException, IOException;

    /**
     * @param environments the declared environments
     * @param name an environment's name, as a step argument
     * @param argument the argument's name, for the message
     * @return the environment
     * @throws InvalidInputException when it is not declared (the message lists those that are)
     */
    static Environment environment(Environments environments, String name, String argument)
            throws InvalidInputException {
        return environments.find(name).orElseThrow(() -> new InvalidInputException(
                SourceLocation.ofFile("environments"), argument + ": no environment named '" + name
                + "' (declared: " + String.join(", ", environments.names()) + ")"));
    }
}
