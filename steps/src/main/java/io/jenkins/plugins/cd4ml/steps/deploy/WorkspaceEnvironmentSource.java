package io.jenkins.plugins.cd4ml.steps.deploy;

import hudson.FilePath;
import io.jenkins.plugins.cd4ml.deploy.Environments;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentsFile;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.steps.support.WorkspacePaths;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;

/**
 * The environments file named by the {@code environments:} argument, read from the workspace (the
 * path is confined to it) and parsed on the controller, where the deployment runs. Relative paths
 * inside the file (a local target's {@code stateDir}) resolve against the controller's deployment
 * directory, never the agent's workspace.
 */
final class WorkspaceEnvironmentSource implements EnvironmentSource {
    private final FilePath workspace;
    private final String path;
    private final Path baseDirectory;

    /**
     * @param workspace the build's workspace
     * @param path the file, relative to the workspace
     * @param baseDirectory where relative paths in the file resolve (on the controller)
     */
    WorkspaceEnvironmentSource(FilePath workspace, String path, Path baseDirectory) {
        this.workspace = workspace;
        this.path = path;
        this.baseDirectory = baseDirectory;
    }

    @Override
    public Environments environments() throws InvalidInputException, IOException, InterruptedException {
        FilePath file = WorkspacePaths.resolve(workspace, "environments", path);
        if (!file.exists()) {
            throw new InvalidInputException(io.jenkins.plugins.cd4ml.report.SourceLocation.ofFile(path),
                    "environments file not found in the workspace");
        }
        return EnvironmentsFile.parse(path, baseDirectory, new StringReader(file.readToString()));
    }
}
