package io.jenkins.plugins.cd4ml.steps.registry;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.registry.AuditEvent;
import io.jenkins.plugins.cd4ml.registry.Names;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
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
 * {@code setModelAlias}: points an alias such as {@code staging} or {@code production} at a
 * version, atomically and audited (who, when, from, to, why). The next {@code qualityGate} with
 * {@code baseline: 'production'} compares with that version.
 *
 * <pre>{@code
 * setModelAlias name: 'credit-risk', alias: 'production', version: v, reason: 'canary healthy'
 * }</pre>
 *
 * <p>Requires {@link Cd4mlPermissions#APPROVE} on the job. Returns the version the alias pointed at
 * before, or {@code null} if it is new.
 */
public class SetModelAliasStep extends Step {
    private final String name;
    private final String alias;
    private final int version;
    private String reason = "";

    /**
     * @param name the registered model
     * @param alias the alias
     * @param version the version it points at from now on
     */
    @DataBoundConstructor
    public SetModelAliasStep(String name, String alias, int version) {
        this.name = name;
        this.alias = alias;
        this.version = version;
    }

    /** @return the model */
    public String getName() {
        return name;
    }

    /** @return the alias */
    public String getAlias() {
        return alias;
    }

    /** @return the version */
    public int getVersion() {
        return version;
    }

    /** @return why */
    public String getReason() {
        return reason;
    }

    /** @param reason why (recorded in the audit log) */
    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = reason == null ? "" : reason;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        try {
            Names.requireAlias(alias);
        } catch (IllegalArgumentException e) {
            throw new AbortException("setModelAlias: alias: " + e.getMessage());
        }
        return new Execution(context, name, alias, version, reason, new JenkinsFacade());
    }

    /** Checks the permission and moves the alias, on the controller. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Integer> {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final String alias;
        private final int version;
        private final String reason;
        private final JenkinsFacade jenkins;

        Execution(StepContext context, String name, String alias, int version, String reason, JenkinsFacade jenkins) {
            super(context);
            this.name = name;
            this.alias = alias;
            this.version = version;
            this.reason = reason;
            this.jenkins = jenkins;
        }

        @Override
        protected Integer run() throws Exception {
            Run<?, ?> build = getContext().get(Run.class);
            AuditEvent moved = new ModelApprovals(jenkins).setAlias(build.getParent(), name, alias, version, reason);
            getContext().get(TaskListener.class).getLogger().println("setModelAlias: " + name + " " + alias + " -> "
                    + version + (moved.from().isEmpty() ? " (new alias)" : " (was " + moved.from() + ")"));
            return moved.from().isEmpty() ? null : previous(moved.from());
        }

        private static Integer previous(String from) {
            try {
                return Integer.valueOf(from.replaceAll("^v", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** Registers the step as {@code setModelAlias}. */
    @Extension
    @Symbol("setModelAlias")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "setModelAlias";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Point a model registry alias (e.g. production) at a version";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
