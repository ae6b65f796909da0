package io.jenkins.plugins.cd4ml.steps.data;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import io.jenkins.plugins.cd4ml.gates.datacheck.DriftRun;
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
 * {@code detectDrift}: compares current data in the workspace with a baseline (a data file, a
 * cd4ml profile or a SageMaker statistics.json) per column, the same engine as {@code cd4ml drift}.
 *
 * <pre>{@code
 * def d = detectDrift baseline: 'ml/train-profile.json', current: 'data/scoring.csv'
 * echo "PSI of income: ${d.columns.income.psi}"
 * }</pre>
 *
 * <p>Warning-level drift makes the build {@code UNSTABLE}, failure-level drift fails the step (the
 * default checks: PSI above 0.1 warns, above 0.2 fails); unreadable input fails it with "could not
 * evaluate: …". The JSON report is recorded on the build ({@code detectDrift:<current>}); the step
 * returns a map (keys in {@code docs/steps.md}).
 */
public class DetectDriftStep extends Step {
    private final String baseline;
    private final String current;
    private String config;
    private String junit;
    private String html;

    /**
     * @param baseline a data file, cd4ml profile or SageMaker statistics.json, relative to the workspace
     * @param current the current data file, relative to the workspace
     */
    @DataBoundConstructor
    public DetectDriftStep(String baseline, String current) {
        this.baseline = baseline;
        this.current = current;
    }

    /** @return the baseline, relative to the workspace */
    public String getBaseline() {
        return baseline;
    }

    /** @return the current data file, relative to the workspace */
    public String getCurrent() {
        return current;
    }

    /** @return the drift configuration file, or {@code null} for the default checks */
    public @CheckForNull String getConfig() {
        return config;
    }

    /**
     * @param config a drift configuration (YAML/JSON, standalone or an expectations file with a
     *     {@code drift:} section); empty for the default checks
     */
    @DataBoundSetter
    public void setConfig(@CheckForNull String config) {
        this.config = ValidateDataStep.emptyToNull(config);
    }

    /** @return where to write a JUnit XML report, or {@code null} */
    public @CheckForNull String getJunit() {
        return junit;
    }

    /** @param junit a path in the workspace for a JUnit XML report (one test case per check); empty for none */
    @DataBoundSetter
    public void setJunit(@CheckForNull String junit) {
        this.junit = ValidateDataStep.emptyToNull(junit);
    }

    /** @return where to write a self-contained HTML report, or {@code null} */
    public @CheckForNull String getHtml() {
        return html;
    }

    /** @param html a path in the workspace for a self-contained HTML report; empty for none */
    @DataBoundSetter
    public void setHtml(@CheckForNull String html) {
        this.html = ValidateDataStep.emptyToNull(html);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, current, callable());
    }

    /**
     * @return the callable that compares on the agent
     * @throws AbortException naming the argument whose path is empty, absolute or leaves the workspace
     */
    DetectDriftCallable callable() throws AbortException {
        WorkspacePaths.normalize("baseline", baseline);
        WorkspacePaths.normalize("current", current);
        ValidateDataStep.checkOptionalPath("config", config);
        ValidateDataStep.checkOptionalPath("junit", junit);
        ValidateDataStep.checkOptionalPath("html", html);
        return new DetectDriftCallable(baseline, current, config, new ReportFiles(junit, html, "cd4ml.detectDrift"));
    }

    /** Compares on the agent, records the report, maps the verdict. */
    static final class Execution extends StepOutput.OfExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final String current;
        private final DetectDriftCallable callable;

        Execution(StepContext context, String current, DetectDriftCallable callable) {
            super(context);
            this.current = current;
            this.callable = callable;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            return conclude(onAgent(callable), current, this);
        }
    }

    /**
     * What the step does with the agent's result on the controller: records the report, logs a
     * summary, maps the verdict (throwing for FAILED and ERROR) and returns the result map.
     *
     * @param run the agent's result
     * @param current the current argument
     * @param output the build's reports, log and result
     * @return the step's return value
     */
    static Map<String, Object> conclude(DriftRun run, String current, StepOutput output)
            throws IOException, InterruptedException {
        output.record(DataStepResults.section("detectDrift", current), Json.mapper().writeValueAsString(run.toJson()));
        Map<String, Object> result = DataStepResults.detectDrift(run);
        String summary = "detectDrift " + current + ": " + DataStepResults.summaryLine(run.document());
        output.log(summary);
        output.check(CheckRun.of(CheckRun.name("drift", current), run.document()));
        output.verdict(run.verdict(), run.error() != null ? run.error().message()
                : summary + DataStepResults.problems(result, "failed", "unstable"));
        return result;
    }

    /** Registers the step as {@code detectDrift}. */
    @Extension
    @Symbol("detectDrift")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "detectDrift";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Detect drift between a baseline and current data";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return AgentStepExecution.AGENT_CONTEXT;
        }
    }
}
