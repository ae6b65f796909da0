package io.jenkins.plugins.cd4ml.steps.deploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.cd4ml.deploy.strategy.Canary;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code canary(percent: 10, bakeSeconds: 600, alarms: ['model-5xx'])}: {@code percent} of traffic
 * goes to the new version, the alarms are watched for {@code bakeSeconds}, then the rest shifts; an
 * alarm rolls back. Limits (SageMaker guardrails): percent 1–50, bake 0–3 600 s, 1–10 alarms.
 */
public class CanaryStrategy extends StrategyConfig {
    private static final long serialVersionUID = 1L;

    private int percent = 10;
    private int bakeSeconds = 600;

    /** All values have defaults except the alarms, which canary requires. */
    @DataBoundConstructor
    public CanaryStrategy() {
        // optional arguments only
    }

    /** @return the canary's share of traffic in percent (default 10) */
    public int getPercent() {
        return percent;
    }

    /** @param percent the canary's share of traffic, 1–50 % */
    @DataBoundSetter
    public void setPercent(int percent) {
        this.percent = percent;
    }

    /** @return seconds the canary is watched (default 600) */
    public int getBakeSeconds() {
        return bakeSeconds;
    }

    /** @param bakeSeconds seconds the canary is watched, 0–3 600 */
    @DataBoundSetter
    public void setBakeSeconds(int bakeSeconds) {
        this.bakeSeconds = bakeSeconds;
    }

    @Override
    public DeploymentStrategy toStrategy() {
        return new Canary(percent, bakeSeconds, getAlarms());
    }

    /** Offers {@code canary} in the snippet generator and checks its fields. */
    @Extension
    @Symbol("canary")
    public static class DescriptorImpl extends StrategyDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Canary: a share of traffic first, then the rest";
        }

        /**
         * @param item the job being configured
         * @param percent the typed share
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckPercent(@AncestorInPath @CheckForNull Item item, @QueryParameter int percent) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new Canary(percent, 0, SOME_ALARM)));
        }

        /**
         * @param item the job being configured
         * @param bakeSeconds the typed bake time
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckBakeSeconds(@AncestorInPath @CheckForNull Item item,
                @QueryParameter int bakeSeconds) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new Canary(10, bakeSeconds, SOME_ALARM)));
        }

        /**
         * @param item the job being configured
         * @param alarms the typed alarm names, one per line
         * @return the guardrail's answer (alarms are required)
         */
        @POST
        public FormValidation doCheckAlarms(@AncestorInPath @CheckForNull Item item, @QueryParameter String alarms) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new Canary(10, 0, alarmNames(alarms))));
        }
    }
}
