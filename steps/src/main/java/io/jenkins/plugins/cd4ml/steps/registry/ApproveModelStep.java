package io.jenkins.plugins.cd4ml.steps.registry;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.registry.ApprovalStatus;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.util.Locale;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code approveModel}: records an approval decision on a registered version.
 *
 * <pre>{@code
 * approveModel name: 'credit-risk', version: v, decision: 'APPROVED', reason: 'gates passed, reviewed by risk team'
 * }</pre>
 *
 * <p>Requires {@link Cd4mlPermissions#APPROVE} ("Machine learning/Approve") on the job; the decision
 * records the acting user ({@code pipeline} for a build running as the system) and the time. Runs on
 * the controller (no {@code node} needed). Returns the new status.
 */
public class ApproveModelStep extends Step {
    private final String name;
    private final int version;
    private final String decision;
    private String reason = "";

    /**
     * @param name the registered model
     * @param version the version
     * @param decision {@code APPROVED}, {@code REJECTED} or {@code PENDING_MANUAL_APPROVAL}
     */
    @DataBoundConstructor
    public ApproveModelStep(String name, int version, String decision) {
        this.name = name;
        this.version = version;
        this.decision = decision;
    }

    /** @return the model */
    public String getName() {
        return name;
    }

    /** @return the version */
    public int getVersion() {
        return version;
    }

    /** @return the decision */
    public String getDecision() {
        return decision;
    }

    /** @return why */
    public String getReason() {
        return reason;
    }

    /** @param reason why (recorded with the decision) */
    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = reason == null ? "" : reason;
    }

    /**
     * @return the decision as a status
     * @throws AbortException if it is none of the statuses
     */
    ApprovalStatus status() throws AbortException {
        try {
            return ApprovalStatus.valueOf(decision == null ? "" : decision.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AbortException("approveModel: decision: expected APPROVED, REJECTED or PENDING_MANUAL_APPROVAL"
                    + " but found '" + decision + "'");
        }
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, name, version, status(), reason, new JenkinsFacade());
    }

    /** Checks the permission and records the decision, on the controller. */
    static final class Execution extends SynchronousNonBlockingStepExecution<String> {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final int version;
        private final ApprovalStatus status;
        private final String reason;
        private final JenkinsFacade jenkins;

        Execution(StepContext context, String name, int version, ApprovalStatus status, String reason,
                JenkinsFacade jenkins) {
            super(context);
            this.name = name;
            this.version = version;
            this.status = status;
            this.reason = reason;
            this.jenkins = jenkins;
        }

        @Override
        protected String run() throws Exception {
            Run<?, ?> build = getContext().get(Run.class);
            ModelVersion changed = new ModelApprovals(jenkins).approve(build.getParent(), name, version, status, reason);
            getContext().get(TaskListener.class).getLogger().println("approveModel: " + name + " version " + version
                    + " is " + changed.approval().status() + " by " + changed.approval().by());
            return changed.approval().status().name();
        }
    }

    /** Registers the step as {@code approveModel}. */
    @Extension
    @Symbol("approveModel")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "approveModel";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Approve or reject a registered model version";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
