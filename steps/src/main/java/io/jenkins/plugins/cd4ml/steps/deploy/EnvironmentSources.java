package io.jenkins.plugins.cd4ml.steps.deploy;

import hudson.AbortException;
import hudson.FilePath;
import io.jenkins.plugins.cd4ml.steps.config.DeploymentEnvironment;
import java.nio.file.Path;
import java.util.List;

/**
 * Which environments a deployment step uses, in this order of precedence:
 * <ol>
 * <li>the {@code environments:} argument: that file in the workspace;</li>
 * <li>otherwise the environments of Jenkins' global configuration, when there are any;</li>
 * <li>otherwise {@value ModelDeploymentStep#DEFAULT_ENVIRONMENTS} in the workspace.</li>
 * </ol>
 * The sources are never merged: a file replaces the global environments as a whole.
 */
final class EnvironmentSources {
    private EnvironmentSources() {
    }

    /**
     * @param step the step's name, for messages
     * @param path the {@code environments:} argument, or {@code null}
     * @param global the global configuration's environments
     * @param workspace the build's workspace, or {@code null} outside {@code node}
     * @param baseDirectory where relative paths in settings resolve (on the controller)
     * @return the source to read
     * @throws AbortException when a workspace file is needed but there is no workspace
     */
    static EnvironmentSource select(String step, String path, List<DeploymentEnvironment> global, FilePath workspace,
            Path baseDirectory) throws AbortException {
        if (path == null && !global.isEmpty()) {
            return new GlobalEnvironmentSource(global, baseDirectory);
        }
        String file = path == null ? ModelDeploymentStep.DEFAULT_ENVIRONMENTS : path;
        if (workspace == null) {
            throw new AbortException(step + ": the environments file '" + file + "' is read from the workspace;"
                    + " call the step inside node { … } (or an agent stage), or declare the environments in"
                    + " Manage Jenkins » System » CD4ML");
        }
        return new WorkspaceEnvironmentSource(workspace, file, baseDirectory);
    }
}
