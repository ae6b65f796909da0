package io.jenkins.plugins.cd4ml.steps.deploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import java.util.List;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code allAtOnce(bakeSeconds: 0, alarms: [])}: the new version takes all traffic in one step once it
 * answers; optional alarms are watched for {@code bakeSeconds} afterwards and roll back.
 */
public class AllAtOnceStrategy extends StrategyConfig {
    private static final long serialVersionUID = 1L;

    private int bakeSeconds = 0;

    /** All values have defaults. */
    @DataBoundConstructor
    public AllAtOnceStrategy() {
        // optional arguments only
    }

    /** @return seconds watched after the switch (default 0) */
    public int getBakeSeconds() {
        return bakeSeconds;
    }

    /** @param bakeSeconds seconds watched after the switch, 0–3 600 */
    @DataBoundSetter
    public void setBakeSeconds(int bakeSeconds) {
        this.bakeSeconds = bakeSeconds;
    }

    @Override
    public DeploymentStrategy toStrategy() {
        return new AllAtOnce(bakeSeconds, getAlarms());
    }

    /** Offers {@code allAtOnce} in the snippet generator and checks its fields. */
    @Extension
    @Symbol("allAtOnce")
    public static class DescriptorImpl extends StrategyDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "All at once: switch every request to the new version";
        }

        /**
         * @param item the job being configured
         * @param bakeSeconds the typed bake time
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckBakeSeconds(@AncestorInPath @CheckForNull Item item, @QueryParameter int bakeSeconds) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new AllAtOnce(bakeSeconds, List.of())));
        }

        /**
         * @param item the job being configured
         * @param alarms the typed alarm names, one per line
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckAlarms(@AncestorInPath @CheckForNull Item item, @QueryParameter String alarms) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new AllAtOnce(0, alarmNames(alarms))));
        }
    }
}
