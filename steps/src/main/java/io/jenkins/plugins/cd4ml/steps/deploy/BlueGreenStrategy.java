package io.jenkins.plugins.cd4ml.steps.deploy;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.cd4ml.deploy.strategy.BlueGreen;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code blueGreen(bakeSeconds: 300, alarms: [])}: the new version starts beside the old one and takes all
 * traffic; the old one is kept warm for {@code bakeSeconds} so an alarm switches back at once.
 */
public class BlueGreenStrategy extends SwitchStrategy {
    private static final long serialVersionUID = 1L;

    /** All values have defaults (bake time 300 s). */
    @DataBoundConstructor
    public BlueGreenStrategy() {
        super(300);
    }

    @Override
    protected DeploymentStrategy create(int bakeSeconds, List<String> alarms) {
        return new BlueGreen(bakeSeconds, alarms);
    }

    /** Offers {@code blueGreen} in the snippet generator and checks its fields. */
    @Extension
    @Symbol("blueGreen")
    public static class DescriptorImpl extends SwitchDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Blue/green: switch all traffic, keep the old version warm";
        }

        @Override
        protected SwitchStrategy prototype() {
            return new BlueGreenStrategy();
        }
    }
}
