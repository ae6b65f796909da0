package io.jenkins.plugins.cd4ml.steps.deploy;

import io.jenkins.plugins.cd4ml.deploy.EnvironmentDeclaration;
import io.jenkins.plugins.cd4ml.deploy.Environments;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.steps.config.DeploymentEnvironment;
import java.nio.file.Path;
import java.util.List;

/**
 * The environments an administrator declared in Jenkins' global configuration (Manage Jenkins »
 * System » CD4ML, or {@code unclassified: cd4ml: environments:} in Configuration as Code), checked
 * by the same rules as an environments file. Jobs cannot change them, so these environments may use
 * the controller's own cloud identity when they name no credentials.
 */
final class GlobalEnvironmentSource implements EnvironmentSource {
    /** How messages name this source. */
    static final String ORIGIN = "global configuration";

    private final List<DeploymentEnvironment> environments;
    private final Path baseDirectory;

    /**
     * @param environments the configured environments, in promotion order
     * @param baseDirectory where relative paths in settings resolve (on the controller)
     */
    GlobalEnvironmentSource(List<DeploymentEnvironment> environments, Path baseDirectory) {
        this.environments = List.copyOf(environments);
        this.baseDirectory = baseDirectory;
    }

    @Override
    public Environments environments() throws InvalidInputException {
        List<EnvironmentDeclaration> declarations = environments.stream().map(GlobalEnvironmentSource::declaration)
                .toList();
        return EnvironmentDeclaration.toEnvironments(declarations, ORIGIN, baseDirectory);
    }

    @Override
    public boolean declaredByAdministrator() {
        return true;
    }

    static EnvironmentDeclaration declaration(DeploymentEnvironment environment) {
        return new EnvironmentDeclaration(environment.getName(), TargetType.valueOf(environment.getTargetType().name()),
                environment.getSettingsMap(), environment.isRequiresApproval(), environment.getAlias(),
                environment.getCredentialsId(), environment.getRoleArn());
    }
}
