package io.jenkins.plugins.cd4ml.steps.deploy;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.deploy.DeploymentRequest;
import io.jenkins.plugins.cd4ml.deploy.Environments;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

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
public class DeployModelStep extends Step {
    private final String name;
    private final String version;
    private final String environment;
    private String environments = DEFAULT_ENVIRONMENTS;
    private StrategyConfig strategy = new AllAtOnceStrategy();
    private int lockTimeoutMinutes = DEFAULT_LOCK_TIMEOUT_MINUTES;

    /** The environments file used when none is named. */
    public static final String DEFAULT_ENVIRONMENTS = "environments.yaml";
    /** How long a deployment waits for a busy environment by default. */
    public static final int DEFAULT_LOCK_TIMEOUT_MINUTES = 30;

    /**
     * @param name the registered model
     * @param version a version number ({@code '7'}) or an alias ({@code 'staging'}, {@code 'champion'})
     * @param environment the declared environment to deploy to
     */
    @DataBoundConstructor
    public DeployModelStep(String name, String version, String environment) {
        this.name = name;
        this.version = version;
        this.environment = environment;
    }

    /** @return the registered model */
    public String getName() {
        return name;
    }

    /** @return the version number or alias */
    public String getVersion() {
        return version;
    }

    /** @return the environment */
    public String getEnvironment() {
        return environment;
    }

    /** @return the environments file in the workspace (default {@value #DEFAULT_ENVIRONMENTS}) */
    public String getEnvironments() {
        return environments;
    }

    /** @param environments the environments file, relative to the workspace */
    @DataBoundSetter
    public void setEnvironments(String environments) {
        this.environments = environments == null || environments.isBlank() ? DEFAULT_ENVIRONMENTS
                : environments.strip();
    }

    /** @return how the new version replaces the serving one (default all at once) */
    public StrategyConfig getStrategy() {
        return strategy;
    }

    /** @param strategy {@code allAtOnce()}, {@code canary(…)}, {@code linear(…)}, {@code shadow(…)} or {@code blueGreen(…)} */
    @DataBoundSetter
    public void setStrategy(StrategyConfig strategy) {
        this.strategy = strategy == null ? new AllAtOnceStrategy() : strategy;
    }

    /** @return minutes to wait while another deployment holds the environment (default 30) */
    public int getLockTimeoutMinutes() {
        return lockTimeoutMinutes;
    }

    /** @param lockTimeoutMinutes minutes to wait for a busy environment; 0 refuses at once */
    @DataBoundSetter
    public void setLockTimeoutMinutes(int lockTimeoutMinutes) {
        this.lockTimeoutMinutes = lockTimeoutMinutes;
    }

    /**
     * @return the order, with the strategy validated
     * @throws io.jenkins.plugins.cd4ml.deploy.strategy.InvalidStrategyException when a strategy value is outside the guardrails
     */
    DeploymentOrder order() {
        return new Order(require(name, "name"), require(version, "version"), require(environment, "environment"),
                strategy.toStrategy(), Duration.ofMinutes(Math.max(0, lockTimeoutMinutes)));
    }

    static String require(String value, String argument) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required argument '" + argument + "'");
        }
        return value.strip();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new DeploymentExecution(context, order(), environments, new JenkinsFacade());
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
