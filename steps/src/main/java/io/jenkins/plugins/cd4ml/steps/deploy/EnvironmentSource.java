package io.jenkins.plugins.cd4ml.steps.deploy;

import io.jenkins.plugins.cd4ml.deploy.Environments;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;

/**
 * Where {@code deployModel} and {@code promoteModel} get the declared environments from: a YAML file
 * in the workspace ({@link WorkspaceEnvironmentSource}, the {@code environments:} argument) or
 * Jenkins' global configuration ({@link GlobalEnvironmentSource}), whose environments jobs cannot
 * change. {@link EnvironmentSources#select} decides which.
 */
@FunctionalInterface
public interface EnvironmentSource {
    /**
     * @return the environments, in promotion order
     * @throws InvalidInputException when the declaration is malformed (file, line, column, what was expected)
     * @throws IOException when it cannot be read
     * @throws InterruptedException when the build is aborted while reading
     */
    Environments environments() throws InvalidInputException, IOException, InterruptedException;

    /**
     * @return whether an administrator declared these environments, so ones without credentials may
     *     deploy with the controller's own AWS identity or kubeconfig (a job's file never may)
     */
    default boolean declaredByAdministrator() {
        return false;
    }
}
