package io.jenkins.plugins.cd4ml.deploy.sagemaker;

import io.jenkins.plugins.cd4ml.aws.AwsIdentity;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTargets;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialResolver;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Opens SageMaker targets with each environment's own AWS identity ({@link AwsIdentity}): the keys its
 * credentials ID names (or, where the resolver allows it, the process's default chain), then, when the
 * environment has a {@code roleArn}, that role assumed through STS with the session name
 * {@code cd4ml-deploy-<environment>} (deterministic, so CloudTrail shows which environment acted).
 * Dev, staging and production can thus live in separate accounts.
 *
 * <p>The role is assumed when the target is opened, so a role that cannot be assumed is an ERROR
 * before anything changes; the provider refreshes the session during long bakes.
 */
public final class SageMakerTargets implements DeploymentTargets {
    private final CredentialResolver credentials;
    private final Sleeper sleeper;

    /**
     * @param credentials resolves the environment's credentials reference
     * @param sleeper waits between SageMaker retries
     */
    public SageMakerTargets(CredentialResolver credentials, Sleeper sleeper) {
        this.credentials = credentials;
        this.sleeper = sleeper;
    }

    /**
     * @param environment an environment
     * @return the STS role session name used for it
     */
    public static String sessionName(Environment environment) {
        return AwsIdentity.sessionName("cd4ml-deploy-" + environment.name());
    }

    @Override
    public DeploymentTarget open(Environment environment) throws InvalidInputException {
        String region = environment.target().setting("region", "");
        URI endpoint = environment.target().setting("endpointUrl").map(URI::create)
                .orElse(SageMakerApi.endpointOf(region));
        Optional<AwsIdentity.Role> role = environment.credentials().role().map(arn -> new AwsIdentity.Role(arn,
                sessionName(environment), Region.of(region),
                environment.target().setting("stsEndpointUrl").map(URI::create)));
        AwsIdentity identity;
        try {
            identity = AwsIdentity.open(credentials.aws(environment), role);
        } catch (AwsIdentity.RoleRefusedException e) {
            throw new InvalidInputException(SourceLocation.ofFile("environment " + environment.name()),
                    "cannot assume the environment's role (roleArn) through STS: " + e.getMessage(), e);
        }
        return SageMakerTarget.closing(environment, new SageMakerApi(endpoint, region, identity, sleeper),
                identity::close);
    }
}
