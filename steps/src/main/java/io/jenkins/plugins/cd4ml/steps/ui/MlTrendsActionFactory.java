package io.jenkins.plugins.cd4ml.steps.ui;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.cd4ml.steps.support.MlReportsAction;
import java.util.Collection;
import java.util.List;
import jenkins.model.TransientActionFactory;

/**
 * Adds the "ML trends" link to every job one of whose recent builds recorded ML reports.
 */
@Extension
@SuppressWarnings("rawtypes")
public class MlTrendsActionFactory extends TransientActionFactory<Job> {
    /** How many recent builds are looked at to decide whether the job uses cd4ml. */
    private static final int LOOK_BACK = 5;

    @Override
    public Class<Job> type() {
        return Job.class;
    }

    @Override
    public Class<? extends Action> actionType() {
        return MlTrendsAction.class;
    }

    @NonNull
    @Override
    public Collection<? extends Action> createFor(@NonNull Job target) {
        int seen = 0;
        for (Run<?, ?> run = target.getLastBuild(); run != null && seen < LOOK_BACK; run = run.getPreviousBuild()) {
            seen++;
            if (run.getAction(MlReportsAction.class) != null) {
                return List.of(new MlTrendsAction(target));
            }
        }
        return List.of();
    }
}
