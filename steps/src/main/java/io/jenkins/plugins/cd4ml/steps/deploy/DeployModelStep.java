package io.jenkins.plugins.cd4ml.steps.deploy;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRequest;
import io.jenkins.plugins.cd4ml.deploy.Environments;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code deployModel}: deploys a registered model version to a declared environment and returns what
 * really serves afterwards.
 *
 * <pre>{@code
 * def result = deployModel name: 'credit-risk', version: '7', environment: 'staging',
 *         environments: 'ml/environments.yaml',
 *         strategy: canary(percent: 10, bakeSeconds: 600, alarms: ['credit-risk-5xx'])
 * echo "serving: ${result.serving.traffic}"
 * }</pre>
 *
 * <p>The deployment runs on the controller (the registry lives under {@code JENKINS_HOME}),
 * asynchronously, and resumes after a restart. DEPLOYED completes the step with the outcome map;
 * ROLLED_BACK, ROLLBACK_FAILED, FAILED, REFUSED and ABORTED fail it with the reason read back from
 * the target. The build's ML reports get a {@code deployment:<environment>} section with the
 * timeline. Deployments to one environment run one at a time; a second build waits (and says so in
 * its log) up to {@code lockTimeoutMinutes}.
 */
public class DeployModelStep extends ModelDeploymentStep {
    private final String version;
    private final String environment;

    /**
     * @param name the registered model
     * @param version a version number ({@code '7'}) or an alias ({@code 'staging'}, {@code 'champion'})
     * @param environment the declared environment to deploy to
     */
    @DataBoundConstructor
    public DeployModelStep(String name, String version, String environment) {
        super(name);
        this.version = version;
        this.environment = environment;
    }

    /** @return the version number or alias */
    public String getVersion() {
        return version;
    }

    /** @return the environment */
    public String getEnvironment() {
        return environment;
    }

    /**
     * @return the order, with the strategy validated
     * @throws io.jenkins.plugins.cd4ml.deploy.strategy.InvalidStrategyException when a strategy value is outside the guardrails
     */
    @Override
    DeploymentOrder order() {
        return new Order(require(getName(), "name"), require(version, "version"), require(environment, "environment"),
                getStrategy().toStrategy(), lockTimeout());
    }

    /** {@code deployModel}'s order: a version or alias of a model, to one environment. */
    record Order(String model, String versionOrAlias, String environment, DeploymentStrategy strategy,
            Duration lockTimeout) implements DeploymentOrder {
        private static final long serialVersionUID = 1L;

        @Override
        public String step() {
            return "deployModel";
        }

        @Override
        public DeploymentRequest resolve(ControllerDeployer deployer, Environments environments, String requestedBy)
                throws InvalidInputException, IOException {
            return deployer.request(model, versionOrAlias,
                    DeploymentOrder.environment(environments, environment, "environment"), strategy, lockTimeout,
                    requestedBy);
        }
    }

    /** Registers the step as {@code deployModel}. */
    @Extension
    @Symbol("deployModel")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "deployModel";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Deploy a registered model version to an environment";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
