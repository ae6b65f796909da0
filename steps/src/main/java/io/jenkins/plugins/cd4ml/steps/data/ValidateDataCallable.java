package io.jenkins.plugins.cd4ml.steps.data;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.cd4ml.gates.datacheck.DataCheckReport;
import io.jenkins.plugins.cd4ml.gates.datacheck.DataCheckRun;
import io.jenkins.plugins.cd4ml.gates.expectations.ValidationOptions;
import io.jenkins.plugins.cd4ml.steps.support.WorkspacePaths;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs on the agent that holds the workspace: confines every path to it, runs the data check
 * ({@link DataCheckRun}), writes the optional JUnit/HTML files and returns the report, a
 * serializable value. Bad data is not an exception here: it comes back as an {@code ERROR} report.
 */
final class ValidateDataCallable extends MasterToSlaveFileCallable<DataCheckReport> {
    private static final long serialVersionUID = 1L;

    private final String dataset;
    private final String expectations;
    private final String baseline;
    private final int samples;
    private final ReportFiles files;

    ValidateDataCallable(String dataset, String expectations, String baseline, int samples, ReportFiles files) {
        this.dataset = dataset;
        this.expectations = expectations;
        this.baseline = baseline;
        this.samples = samples;
        this.files = files;
    }

    @Override
    public DataCheckReport invoke(File workspace, VirtualChannel channel) throws IOException {
        Path data = WorkspacePaths.confine(workspace, "dataset", dataset);
        Path rules = WorkspacePaths.confine(workspace, "expectations", expectations);
        Path base = baseline == null ? null : WorkspacePaths.confine(workspace, "baseline", baseline);
        files.confine(workspace);
        DataCheckReport report = DataCheckRun.run(data, rules, base,
                ValidationOptions.defaults().withMaxSamples(samples));
        files.write(workspace, report.document());
        return report;
    }
}
