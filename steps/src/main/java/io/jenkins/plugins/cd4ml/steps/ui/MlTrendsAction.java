package io.jenkins.plugins.cd4ml.steps.ui;

import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.cd4ml.steps.support.MlReportsAction;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's "ML trends" page: charts across the job's recent builds, read from each build's
 * {@link MlReportsAction}. The page is reached below the job's URL, so Stapler has already
 * required {@code Item.READ}; it has no web methods (charts are getters rendered as SVG).
 */
public class MlTrendsAction implements Action {
    /** How many builds back the charts reach. */
    static final int MAX_BUILDS = 50;

    private final Job<?, ?> job;

    /**
     * @param job the job whose builds are charted
     */
    public MlTrendsAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** @return the charts of the last {@value #MAX_BUILDS} builds that have ML reports */
    public MlTrends getTrends() {
        List<MlTrends.BuildReport> builds = new ArrayList<>();
        int seen = 0;
        for (Run<?, ?> run = job.getLastBuild(); run != null && seen < MAX_BUILDS; run = run.getPreviousBuild()) {
            seen++;
            MlReportsAction reports = run.getAction(MlReportsAction.class);
            if (reports != null) {
                builds.add(new MlTrends.BuildReport(run.getNumber(), reports.getReport()));
            }
        }
        return MlTrends.of(builds);
    }

    @Override
    public String getIconFileName() {
        return MlReportsAction.ICON;
    }

    @Override
    public String getDisplayName() {
        return "ML trends";
    }

    @Override
    public String getUrlName() {
        return "cd4ml-trends";
    }
}
