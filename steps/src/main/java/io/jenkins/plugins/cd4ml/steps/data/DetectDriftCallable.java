package io.jenkins.plugins.cd4ml.steps.data;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.cd4ml.gates.datacheck.DriftRun;
import io.jenkins.plugins.cd4ml.steps.support.WorkspacePaths;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs on the agent that holds the workspace: confines the paths, compares the current data with
 * the baseline ({@link DriftRun}), writes the optional JUnit/HTML files and returns the serializable
 * result ({@code ERROR} when an input cannot be read).
 */
final class DetectDriftCallable extends MasterToSlaveFileCallable<DriftRun> {
    private static final long serialVersionUID = 1L;

    private final String baseline;
    private final String current;
    private final String config;
    private final ReportFiles files;

    DetectDriftCallable(String baseline, String current, String config, ReportFiles files) {
        this.baseline = baseline;
        this.current = current;
        this.config = config;
        this.files = files;
    }

    @Override
    public DriftRun invoke(File workspace, VirtualChannel channel) throws IOException {
        Path base = WorkspacePaths.confine(workspace, "baseline", baseline);
        Path now = WorkspacePaths.confine(workspace, "current", current);
        Path settings = config == null ? null : WorkspacePaths.confine(workspace, "config", config);
        files.confine(workspace);
        DriftRun run = DriftRun.compare(base, now, settings);
        files.write(workspace, run.document());
        return run;
    }
}
