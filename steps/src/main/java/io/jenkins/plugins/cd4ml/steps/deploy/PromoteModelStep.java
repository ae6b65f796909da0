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
 * {@code promoteModel}: deploys to {@code to} the version verified serving in {@code from} (the one
 * {@code from}'s registry alias points at).
 *
 * <pre>{@code
 * input message: 'Promote credit-risk to production?', submitter: 'ml-leads'
 * approveModel name: 'credit-risk', version: 'staging'
 * promoteModel name: 'credit-risk', from: 'staging', to: 'production',
 *         environments: 'ml/environments.yaml', strategy: blueGreen(bakeSeconds: 600)
 * }</pre>
 *
 * <p>When {@code to} requires approval and the version is not APPROVED, the step fails before
 * anything changes, with a message naming the version and how to approve it ({@code input} then
 * {@code approveModel}). Otherwise it behaves as {@link DeployModelStep}: same execution, outcome map,
 * report section and build result.
 */
public class PromoteModelStep extends ModelDeploymentStep {
    private final String from;
    private final String to;

    /**
     * @param name the registered model
     * @param from the environment whose serving version is promoted
     * @param to the environment it is deployed to
     */
    @DataBoundConstructor
    public PromoteModelStep(String name, String from, String to) {
        super(name);
        this.from = from;
        this.to = to;
    }

    /** @return the environment promoted from */
    public String getFrom() {
        return from;
    }

    /** @return the environment promoted to */
    public String getTo() {
        return to;
    }

    /** @return the order, with the strategy validated */
    @Override
    DeploymentOrder order() {
        String source = require(from, "from");
        String target = require(to, "to");
        if (source.equals(target)) {
            throw new IllegalArgumentException("promoteModel: 'from' and 'to' are both '" + source + "'");
        }
        return new Order(require(getName(), "name"), source, target, getStrategy().toStrategy(), lockTimeout());
    }

    /** {@code promoteModel}'s order: what serves in one environment, to the next. */
    record Order(String model, String from, String to, DeploymentStrategy strategy, Duration lockTimeout)
            implements DeploymentOrder {
        private static final long serialVersionUID = 1L;

        @Override
        public String step() {
            return "promoteModel";
        }

        @Override
        public DeploymentRequest resolve(ControllerDeployer deployer, Environments environments, String requestedBy)
                throws InvalidInputException, IOException {
            return deployer.promotion(model, DeploymentOrder.environment(environments, from, "from"),
                    DeploymentOrder.environment(environments, to, "to"), strategy, lockTimeout, requestedBy);
        }
    }

    /** Registers the step as {@code promoteModel}. */
    @Extension
    @Symbol("promoteModel")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "promoteModel";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Promote the model version serving in one environment to the next";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
