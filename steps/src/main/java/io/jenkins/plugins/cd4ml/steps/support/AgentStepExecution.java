package io.jenkins.plugins.cd4ml.steps.support;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.report.Verdict;
import io.jenkins.plugins.cd4ml.steps.checks.CheckPublisher;
import io.jenkins.plugins.cd4ml.steps.checks.CheckRun;
import java.io.IOException;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * The execution every cd4ml step that works on workspace files extends: it runs off the CPS
 * thread, hands one file callable to the agent, records the engine's JSON report on the build and
 * maps the verdict to the build result. A step's {@code run()} is then a few lines.
 *
 * @param <T> what the step returns to the Pipeline script (a {@code Map}, a {@code String}, …;
 *     only JDK types, since the value is stored in the program state)
 */
public abstract class AgentStepExecution<T> extends SynchronousNonBlockingStepExecution<T> {
    /** What {@code StepDescriptor.getRequiredContext()} returns for such steps: run inside {@code node}. */
    public static final Set<Class<?>> AGENT_CONTEXT = Set.of(Run.class, TaskListener.class, FilePath.class);

    private static final long serialVersionUID = 1L;

    protected AgentStepExecution(@NonNull StepContext context) {
        super(context);
    }

    /** @return the workspace of the enclosing {@code node} block */
    protected FilePath workspace() throws IOException, InterruptedException {
        return getContext().get(FilePath.class);
    }

    /** @return the build's log */
    protected TaskListener listener() throws IOException, InterruptedException {
        return getContext().get(TaskListener.class);
    }

    /** @return the build */
    protected Run<?, ?> build() throws IOException, InterruptedException {
        return getContext().get(Run.class);
    }

    /**
     * Runs a callable where the workspace is (on the agent).
     *
     * @param callable a small {@code MasterToSlaveFileCallable} that calls the engine
     * @param <R> its (serializable) result
     * @return the callable's result
     */
    protected <R> R onAgent(FilePath.FileCallable<R> callable) throws IOException, InterruptedException {
        return workspace().act(callable);
    }

    /**
     * Stores a report section on the build ({@link MlReportsAction#record}).
     *
     * @param section e.g. {@code validateData}
     * @param json the engine's JSON report
     */
    protected void report(String section, String json) throws IOException, InterruptedException {
        MlReportsAction.record(build(), section, json);
    }

    /**
     * Publishes a check run to the SCM platform when the {@code checks-api} plugin is installed
     * ({@link CheckPublisher}); never fails the step.
     *
     * @param check the check run
     */
    protected void publishCheck(CheckRun check) throws IOException, InterruptedException {
        CheckPublisher.publishToAll(new JenkinsFacade(), build(), listener(), check);
    }

    /**
     * Maps the verdict to the build result ({@link BuildResults#apply}); throws for FAILED/ERROR.
     *
     * @param verdict the engine's verdict
     * @param summary one line for the user
     */
    protected void applyVerdict(Verdict verdict, String summary) throws IOException, InterruptedException {
        BuildResults.of(getContext()).apply(verdict, summary);
    }
}
