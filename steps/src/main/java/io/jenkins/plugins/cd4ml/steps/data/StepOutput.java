package io.jenkins.plugins.cd4ml.steps.data;

import io.jenkins.plugins.cd4ml.report.Verdict;
import io.jenkins.plugins.cd4ml.steps.checks.CheckRun;
import io.jenkins.plugins.cd4ml.steps.support.AgentStepExecution;
import java.io.IOException;

/**
 * Where a data step's result goes on the controller: the build's ML reports, the build log and the
 * build result. The executions hand their context's; tests hand a recording one, so what a step
 * does with a report can be checked without Jenkins.
 */
interface StepOutput {
    /**
     * @param section the report section, e.g. {@code validateData:data_train.csv}
     * @param json the engine's JSON report
     */
    void record(String section, String json) throws IOException, InterruptedException;

    /**
     * @param check the check run to publish to the SCM platform (when {@code checks-api} is installed)
     */
    void check(CheckRun check) throws IOException, InterruptedException;

    /** @param line a line for the build log */
    void log(String line) throws IOException, InterruptedException;

    /**
     * @param verdict the engine's verdict
     * @param summary one line for the user (for {@code ERROR}: what could not be read)
     * @throws hudson.AbortException for {@code FAILED} and {@code ERROR}
     */
    void verdict(Verdict verdict, String summary) throws IOException, InterruptedException;

    /** The output of a running step: {@link AgentStepExecution}'s report, log and verdict mapping. */
    abstract class OfExecution<T> extends AgentStepExecution<T> implements StepOutput {
        private static final long serialVersionUID = 1L;

        protected OfExecution(org.jenkinsci.plugins.workflow.steps.StepContext context) {
            super(context);
        }

        @Override
        public void record(String section, String json) throws IOException, InterruptedException {
            report(section, json);
        }

        @Override
        public void check(CheckRun check) throws IOException, InterruptedException {
            publishCheck(check);
        }

        @Override
        public void log(String line) throws IOException, InterruptedException {
            listener().getLogger().println(line);
        }

        @Override
        public void verdict(Verdict verdict, String summary) throws IOException, InterruptedException {
            applyVerdict(verdict, summary);
        }
    }
}
