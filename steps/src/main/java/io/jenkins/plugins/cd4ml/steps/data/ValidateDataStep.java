package io.jenkins.plugins.cd4ml.steps.data;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import io.jenkins.plugins.cd4ml.gates.datacheck.DataCheckReport;
import io.jenkins.plugins.cd4ml.gates.expectations.ValidationOptions;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.steps.checks.CheckRun;
import io.jenkins.plugins.cd4ml.steps.support.AgentStepExecution;
import io.jenkins.plugins.cd4ml.steps.support.WorkspacePaths;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code validateData}: checks a dataset in the workspace against an expectations file and,
 * given a baseline, for drift; the same engine as {@code cd4ml validate}.
 *
 * <pre>{@code
 * def r = validateData dataset: 'data/train.csv', expectations: 'ml/expectations.yaml',
 *                      baseline: 'ml/train-profile.json', junit: 'reports/validation-junit.xml'
 * echo "${r.verdict}: ${r.summary.failed} failed, drift on ${r.driftFailed}"
 * }</pre>
 *
 * <p>Warning-level failures make the build {@code UNSTABLE} (the stage turns yellow), failure-level
 * ones fail the step; data that cannot be read fails it with "could not evaluate: file:line:col …".
 * The JSON report is recorded on the build ({@code validateData:<dataset>}); the step returns a map
 * (keys in {@code docs/steps.md}).
 */
public class ValidateDataStep extends Step {
    private final String dataset;
    private final String expectations;
    private String baseline;
    private int samples = ValidationOptions.DEFAULT_SAMPLES;
    private String junit;
    private String html;

    /**
     * @param dataset the data file, relative to the workspace (CSV, TSV, JSON Lines, optionally {@code .gz})
     * @param expectations the expectations file (YAML or JSON), relative to the workspace
     */
    @DataBoundConstructor
    public ValidateDataStep(String dataset, String expectations) {
        this.dataset = dataset;
        this.expectations = expectations;
    }

    /** @return the data file, relative to the workspace */
    public String getDataset() {
        return dataset;
    }

    /** @return the expectations file, relative to the workspace */
    public String getExpectations() {
        return expectations;
    }

    /** @return the drift baseline (profile, statistics.json or data file), or {@code null} */
    public @CheckForNull String getBaseline() {
        return baseline;
    }

    /** @param baseline a cd4ml profile, a SageMaker statistics.json or a data file; empty for none */
    @DataBoundSetter
    public void setBaseline(@CheckForNull String baseline) {
        this.baseline = emptyToNull(baseline);
    }

    /** @return offending rows kept per expectation */
    public int getSamples() {
        return samples;
    }

    /** @param samples offending rows to keep per expectation (0 or more, default 5) */
    @DataBoundSetter
    public void setSamples(int samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be 0 or more but was " + samples);
        }
        this.samples = samples;
    }

    /** @return where to write a JUnit XML report, or {@code null} */
    public @CheckForNull String getJunit() {
        return junit;
    }

    /** @param junit a path in the workspace for a JUnit XML report (one test case per check); empty for none */
    @DataBoundSetter
    public void setJunit(@CheckForNull String junit) {
        this.junit = emptyToNull(junit);
    }

    /** @return where to write a self-contained HTML report, or {@code null} */
    public @CheckForNull String getHtml() {
        return html;
    }

    /** @param html a path in the workspace for a self-contained HTML report; empty for none */
    @DataBoundSetter
    public void setHtml(@CheckForNull String html) {
        this.html = emptyToNull(html);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, dataset, callable());
    }

    /**
     * Checks every path argument as text, before anything runs on the agent.
     *
     * @return the callable that runs the check on the agent
     * @throws AbortException naming the argument whose path is empty, absolute or leaves the workspace
     */
    ValidateDataCallable callable() throws AbortException {
        WorkspacePaths.normalize("dataset", dataset);
        WorkspacePaths.normalize("expectations", expectations);
        checkOptionalPath("baseline", baseline);
        checkOptionalPath("junit", junit);
        checkOptionalPath("html", html);
        return new ValidateDataCallable(dataset, expectations, baseline, samples,
                new ReportFiles(junit, html, "cd4ml.validateData"));
    }

    static void checkOptionalPath(String argument, @CheckForNull String path) throws AbortException {
        if (path != null) {
            WorkspacePaths.normalize(argument, path);
        }
    }

    static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Runs the check on the agent, records the report, maps the verdict. */
    static final class Execution extends StepOutput.OfExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final String dataset;
        private final ValidateDataCallable callable;

        Execution(StepContext context, String dataset, ValidateDataCallable callable) {
            super(context);
            this.dataset = dataset;
            this.callable = callable;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return conclude(onAgent(callable), dataset, this);
        }
    }

    /**
     * What the step does with the agent's report on the controller: records it, logs a summary,
     * maps the verdict (throwing for FAILED and ERROR) and returns the result map.
     *
     * @param report the agent's report
     * @param dataset the dataset argument
     * @param output the build's reports, log and result
     * @return the step's return value
     */
    static Map<String, Object> conclude(DataCheckReport report, String dataset, StepOutput output)
            throws IOException, InterruptedException {
        output.record(DataStepResults.section("validateData", dataset),
                Json.mapper().writeValueAsString(report.toJson()));
        Map<String, Object> result = DataStepResults.validateData(report);
        String summary = "validateData " + dataset + ": " + DataStepResults.summaryLine(report.document());
        output.log(summary);
        output.check(CheckRun.of(CheckRun.name("data validation", dataset), report.document()));
        output.verdict(report.verdict(), report.isError() ? report.validation().error().message()
                : summary + DataStepResults.problems(result, "failed", "unstable", "driftFailed", "driftUnstable"));
        return result;
    }

    /** Registers the step as {@code validateData}. */
    @Extension
    @Symbol("validateData")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "validateData";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Validate a dataset against expectations (and check drift against a baseline)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return AgentStepExecution.AGENT_CONTEXT;
        }
    }
}
