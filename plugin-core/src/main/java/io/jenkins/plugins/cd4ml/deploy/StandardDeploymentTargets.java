package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.deploy.local.LocalServing;
import io.jenkins.plugins.cd4ml.deploy.local.LocalTarget;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Opens targets by the environment's {@link TargetType}. The {@code local} target is always
 * available; cloud targets are added by the caller with the clients it built from the environment's
 * credentials ({@link #with}), so this class never handles secrets.
 */
public final class StandardDeploymentTargets implements DeploymentTargets {
    private final Map<TargetType, DeploymentTargets> openers = new EnumMap<>(TargetType.class);

    /**
     * @param localServing what the local target serves in this process
     * @param localStateDirectory where local endpoints keep their state when the environment sets no {@code stateDir}
     */
    public StandardDeploymentTargets(LocalServing localServing, Path localStateDirectory) {
        openers.put(TargetType.LOCAL, environment -> new LocalTarget(environment, localServing, localStateDirectory));
    }

    /**
     * @param type a target type
     * @param opener opens targets of that type
     * @return this
     */
    public StandardDeploymentTargets with(TargetType type, DeploymentTargets opener) {
        openers.put(type, opener);
        return this;
    }

    @Override
    public DeploymentTarget open(Environment environment) throws InvalidInputException {
        DeploymentTargets opener = openers.get(environment.target().type());
        if (opener == null) {
            throw new InvalidInputException(SourceLocation.ofFile("environment " + environment.name()),
                    "the " + environment.target().type().id() + " target is not available here");
        }
        return opener.open(environment);
    }
}
