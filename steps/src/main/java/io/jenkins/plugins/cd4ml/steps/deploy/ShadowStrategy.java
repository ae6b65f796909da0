package io.jenkins.plugins.cd4ml.steps.deploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.cd4ml.deploy.strategy.Shadow;
import java.util.List;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code shadow(mirrorPercent: 100, bakeSeconds: 600, minAgreement: 0.95)}: requests are copied to the new
 * version without serving its answers; after {@code bakeSeconds} it takes over only when at least
 * {@code minAgreement} of the compared predictions agree. Limits: mirror 1–100 %, bake 0–3 600 s,
 * agreement 0–1.
 */
public class ShadowStrategy extends StrategyConfig {
    private static final long serialVersionUID = 1L;

    private int mirrorPercent = 100;
    private int bakeSeconds = 600;
    private double minAgreement = 0.95;

    /** All values have defaults. */
    @DataBoundConstructor
    public ShadowStrategy() {
        // optional arguments only
    }

    /** @return the share of requests copied to the new version (default 100) */
    public int getMirrorPercent() {
        return mirrorPercent;
    }

    /** @param mirrorPercent the share of requests copied, 1–100 % */
    @DataBoundSetter
    public void setMirrorPercent(int mirrorPercent) {
        this.mirrorPercent = mirrorPercent;
    }

    /** @return seconds the shadow runs (default 600) */
    public int getBakeSeconds() {
        return bakeSeconds;
    }

    /** @param bakeSeconds seconds the shadow runs, 0–3 600 */
    @DataBoundSetter
    public void setBakeSeconds(int bakeSeconds) {
        this.bakeSeconds = bakeSeconds;
    }

    /** @return the fraction of compared predictions that must agree (default 0.95) */
    public double getMinAgreement() {
        return minAgreement;
    }

    /** @param minAgreement the fraction of compared predictions that must agree, 0–1 */
    @DataBoundSetter
    public void setMinAgreement(double minAgreement) {
        this.minAgreement = minAgreement;
    }

    @Override
    public DeploymentStrategy toStrategy() {
        return new Shadow(mirrorPercent, bakeSeconds, minAgreement, getAlarms());
    }

    /** Offers {@code shadow} in the snippet generator and checks its fields. */
    @Extension
    @Symbol("shadow")
    public static class DescriptorImpl extends StrategyDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Shadow: mirror requests, compare, then switch";
        }

        /**
         * @param item the job being configured
         * @param mirrorPercent the typed mirror share
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckMirrorPercent(@AncestorInPath @CheckForNull Item item, @QueryParameter int mirrorPercent) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new Shadow(mirrorPercent, 0, 0.95, List.of())));
        }

        /**
         * @param item the job being configured
         * @param bakeSeconds the typed bake time
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckBakeSeconds(@AncestorInPath @CheckForNull Item item, @QueryParameter int bakeSeconds) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new Shadow(100, bakeSeconds, 0.95, List.of())));
        }

        /**
         * @param item the job being configured
         * @param minAgreement the typed agreement
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckMinAgreement(@AncestorInPath @CheckForNull Item item, @QueryParameter double minAgreement) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new Shadow(100, 0, minAgreement, List.of())));
        }

        /**
         * @param item the job being configured
         * @param alarms the typed alarm names, one per line
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckAlarms(@AncestorInPath @CheckForNull Item item, @QueryParameter String alarms) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new Shadow(100, 0, 0.95, alarmNames(alarms))));
        }
    }
}
