package io.jenkins.plugins.cd4ml.steps.deploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.cd4ml.deploy.strategy.BlueGreen;
import java.util.List;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code blueGreen(bakeSeconds: 300, alarms: [])}: the new version starts beside the old one and takes all
 * traffic; the old one is kept warm for {@code bakeSeconds} so an alarm switches back at once.
 */
public class BlueGreenStrategy extends StrategyConfig {
    private static final long serialVersionUID = 1L;

    private int bakeSeconds = 300;

    /** All values have defaults. */
    @DataBoundConstructor
    public BlueGreenStrategy() {
        // optional arguments only
    }

    /** @return seconds the old version is kept warm (default 300) */
    public int getBakeSeconds() {
        return bakeSeconds;
    }

    /** @param bakeSeconds seconds the old version is kept warm, 0–3 600 */
    @DataBoundSetter
    public void setBakeSeconds(int bakeSeconds) {
        this.bakeSeconds = bakeSeconds;
    }

    @Override
    public DeploymentStrategy toStrategy() {
        return new BlueGreen(bakeSeconds, getAlarms());
    }

    /** Offers {@code blueGreen} in the snippet generator and checks its fields. */
    @Extension
    @Symbol("blueGreen")
    public static class DescriptorImpl extends StrategyDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Blue/green: switch all traffic, keep the old version warm";
        }

        /**
         * @param item the job being configured
         * @param bakeSeconds the typed bake time
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckBakeSeconds(@AncestorInPath @CheckForNull Item item, @QueryParameter int bakeSeconds) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new BlueGreen(bakeSeconds, List.of())));
        }

        /**
         * @param item the job being configured
         * @param alarms the typed alarm names, one per line
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckAlarms(@AncestorInPath @CheckForNull Item item, @QueryParameter String alarms) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> new BlueGreen(0, alarmNames(alarms))));
        }
    }
}
