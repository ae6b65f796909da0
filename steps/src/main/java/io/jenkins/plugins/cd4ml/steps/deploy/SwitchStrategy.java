package io.jenkins.plugins.cd4ml.steps.deploy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import java.util.List;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A strategy that moves all traffic in one switch and then bakes under its alarms. All-at-once and
 * blue/green differ only in what the target keeps warm meanwhile, so they share fields and checks.
 */
public abstract class SwitchStrategy extends StrategyConfig {
    private static final long serialVersionUID = 1L;

    private int bakeSeconds;

    /** @param defaultBakeSeconds the bake time when the Pipeline gives none */
    protected SwitchStrategy(int defaultBakeSeconds) {
        this.bakeSeconds = defaultBakeSeconds;
    }

    /** @return seconds watched after the switch */
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
        return create(bakeSeconds, getAlarms());
    }

    /**
     * @param bakeSeconds the bake time
     * @param alarms the alarm names
     * @return the engine's strategy (throws its guardrail exception when out of limits)
     */
    protected abstract DeploymentStrategy create(int bakeSeconds, List<String> alarms);

    /** Checks the fields of a switch strategy with the engine's own guardrails. */
    public abstract static class SwitchDescriptor extends StrategyDescriptor {
        /** @return a strategy of this kind with default values, whose guardrails check the form */
        protected abstract SwitchStrategy prototype();

        /**
         * @param item the job being configured
         * @param bakeSeconds the typed bake time
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckBakeSeconds(@AncestorInPath @CheckForNull Item item,
                @QueryParameter int bakeSeconds) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> prototype().create(bakeSeconds, List.of())));
        }

        /**
         * @param item the job being configured
         * @param alarms the typed alarm names, one per line
         * @return the guardrail's answer
         */
        @POST
        public FormValidation doCheckAlarms(@AncestorInPath @CheckForNull Item item, @QueryParameter String alarms) {
            facade().checkPermission(item, Item.CONFIGURE);
            return answer(problem(() -> prototype().create(0, alarmNames(alarms))));
        }
    }
}
