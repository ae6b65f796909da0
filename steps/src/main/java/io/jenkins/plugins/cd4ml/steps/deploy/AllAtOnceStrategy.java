package io.jenkins.plugins.cd4ml.steps.deploy;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code allAtOnce(bakeSeconds: 0, alarms: [])}: the new version takes all traffic in one step once it
 * answers; optional alarms are watched for {@code bakeSeconds} afterwards and roll back.
 */
public class AllAtOnceStrategy extends SwitchStrategy {
    private static final long serialVersionUID = 1L;

    /** All values have defaults (bake time 0 s). */
    @DataBoundConstructor
    public AllAtOnceStrategy() {
        super(0);
    }

    @Override
    protected DeploymentStrategy create(int bakeSeconds, List<String> alarms) {
        return new AllAtOnce(bakeSeconds, alarms);
    }

    /** Offers {@code allAtOnce} in the snippet generator and checks its fields. */
    @Extension
    @Symbol("allAtOnce")
    public static class DescriptorImpl extends SwitchDescriptor {
        @NonNull
        @Override
        public String getDisplayName() {
            return "All at once: switch every request to the new version";
        }

        @Override
        protected SwitchStrategy prototype() {
            return new AllAtOnceStrategy();
        }
    }
}
