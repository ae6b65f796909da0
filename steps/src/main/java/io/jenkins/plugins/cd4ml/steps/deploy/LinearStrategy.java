package io.jenkins.plugins.cd4ml.steps.deploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.cd4ml.deploy.strategy.Linear;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code linear(stepPercent: 10, intervalSeconds: 300, alarms: ['model-5xx'])}: traffic shifts in equal
 * steps, the alarms are watched for {@code intervalSeconds} after each; an alarm rolls back. Limits:
 * step 10–50 %, interval 0–3 600 s, 1–10 alarms (required).
 */
public class LinearStrategy extends StrategyConfig {
    private static final long serialVersionUID = 1L;

    private int stepPercent = 10;
    private int intervalSeconds = 300;

    /** All values have defaults. */
    @DataBoundConstructor
    public LinearStrategy() {
        // optional arguments only
    }

    /** @return the share shifted per step (default 10) */
    public int getStepPercent() {
        return stepPercent;
    }

    /** @param stepPercent the share shifted per step, 10–50 % */
    @DataBoundSetter
    public void setStepPercent(int stepPercent) {
        this.stepPercent = stepPercent;
    }

    /** @return seconds between steps (default 300) */
    public int getIntervalSeconds() {
        return intervalSeconds;
    }

    /** @param intervalSeconds seconds between steps, 0–3 600 */
    @DataBoundSetter
    public void setIntervalSeconds(int intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    @Override
    public DeploymentStrategy toStrategy() {
        return new Linear(stepPercent, intervalSeconds, getAlarms());
    }

    /** Offers {@code linear} in the snippet generator and checks its fields. */
    @Extension
    @Symbol("linear")
    public static class DescriptorImpl extends StrategyDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Linear: shift traffic in equal steps";
        }

        /**
         * @param item the job being configured
         * @param stepPercent the typed step
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckStepPercent(@AncestorInPath @CheckForNull Item item, @QueryParameter int stepPercent) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new Linear(stepPercent, 0, SOME_ALARM)));
        }

        /**
         * @param item the job being configured
         * @param intervalSeconds the typed interval
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckIntervalSeconds(@AncestorInPath @CheckForNull Item item, @QueryParameter int intervalSeconds) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new Linear(10, intervalSeconds, SOME_ALARM)));
        }

        /**
         * @param item the job being configured
         * @param alarms the typed alarm names, one per line
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckAlarms(@AncestorInPath @CheckForNull Item item, @QueryParameter String alarms) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new Linear(10, 0, alarmNames(alarms))));
        }
    }
}
