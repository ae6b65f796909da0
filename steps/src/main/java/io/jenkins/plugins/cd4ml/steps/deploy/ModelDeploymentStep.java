package io.jenkins.plugins.cd4ml.steps.deploy;

import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What {@code deployModel} and {@code promoteModel} share: the model, where environments are
 * declared, the strategy and the lock wait. They differ only in how the version and the target
 * environment are chosen ({@link #order()}).
 */
public abstract class ModelDeploymentStep extends Step {
    /** The environments file used when none is named and the global configuration declares none. */
    public static final String DEFAULT_ENVIRONMENTS = "environments.yaml";
    /** How long a deployment waits for a busy environment by default. */
    public static final int DEFAULT_LOCK_TIMEOUT_MINUTES = 30;

    private final String name;
    private String environments;
    private StrategyConfig strategy = new AllAtOnceStrategy();
    private int lockTimeoutMinutes = DEFAULT_LOCK_TIMEOUT_MINUTES;

    /** @param name the registered model */
    protected ModelDeploymentStep(String name) {
        this.name = name;
    }

    /** @return the registered model */
    public String getName() {
        return name;
    }

    /**
     * @return the environments file in the workspace, or {@code null} when not given: then the global
     *     configuration's environments, or {@value #DEFAULT_ENVIRONMENTS} when it declares none
     *     ({@link EnvironmentSources})
     */
    public String getEnvironments() {
        return environments;
    }

    /** @param environments the environments file, relative to the workspace; blank for the default */
    @DataBoundSetter
    public void setEnvironments(String environments) {
        this.environments = environments == null || environments.isBlank() ? null : environments.strip();
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

    /** @return the lock wait, never negative */
    Duration lockTimeout() {
        return Duration.ofMinutes(Math.max(0, lockTimeoutMinutes));
    }

    /**
     * @return the order, with the strategy validated
     * @throws io.jenkins.plugins.cd4ml.deploy.strategy.InvalidStrategyException when a strategy value is outside the guardrails
     */
    abstract DeploymentOrder order();

    @Override
    public StepExecution start(StepContext context) {
        return new DeploymentExecution(context, order(), environments, new JenkinsFacade());
    }

    static String require(String value, String argument) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required argument '" + argument + "'");
        }
        return value.strip();
    }
}
