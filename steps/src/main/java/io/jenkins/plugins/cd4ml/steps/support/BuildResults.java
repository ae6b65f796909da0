package io.jenkins.plugins.cd4ml.steps.support;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.IOException;
import java.util.Objects;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Turns an engine {@link Verdict} into what Jenkins shows: the build result, a warning on the
 * step's node in the Pipeline graph, or a failed step.
 *
 * <ul>
 *   <li>{@code PASSED} → nothing changes (the build stays {@code SUCCESS}).
 *   <li>{@code UNSTABLE} → build {@code UNSTABLE} and a {@link WarningAction} on the step's
 *       {@link FlowNode}, so the stage turns yellow; the pipeline goes on.
 *   <li>{@code FAILED} → the step fails with the summary ({@link AbortException}): the build is
 *       {@code FAILURE} and later stages (e.g. a deployment) do not run. Wrap the step in
 *       {@code catchError} to go on anyway.
 *   <li>{@code ERROR} → the step fails as well, saying that the check could not be evaluated:
 *       an evaluation that did not happen is never shown as a pass.
 * </ul>
 */
public final class BuildResults {
    private final Run<?, ?> run;
    private final @CheckForNull FlowNode node;

    /**
     * @param run the build
     * @param node the step's node in the Pipeline graph, if any
     */
    public BuildResults(@NonNull Run<?, ?> run, @CheckForNull FlowNode node) {
        this.run = Objects.requireNonNull(run, "run");
        this.node = node;
    }

    /**
     * @param context a running step's context
     * @return the result handler for that step
     * @throws IOException if the context cannot be read
     * @throws InterruptedException if interrupted
     */
    public static BuildResults of(@NonNull StepContext context) throws IOException, InterruptedException {
        return new BuildResults(context.get(Run.class), context.get(FlowNode.class));
    }

    /**
     * @param verdict an engine verdict
     * @return the Jenkins build result that verdict stands for
     */
    public static @NonNull Result toResult(@NonNull Verdict verdict) {
        return switch (verdict) {
            case PASSED -> Result.SUCCESS;
            case UNSTABLE -> Result.UNSTABLE;
            case FAILED, ERROR -> Result.FAILURE;
        };
    }

    /**
     * Records the verdict on the build and the step's node.
     *
     * @param verdict the engine's verdict
     * @param summary one line for the user: what was checked and what came out (or, for
     *     {@code ERROR}, what could not be read)
     * @throws AbortException for {@code FAILED} and {@code ERROR}, which fails the step
     */
    public void apply(@NonNull Verdict verdict, @NonNull String summary) throws AbortException {
        switch (verdict) {
            case PASSED -> {
                // nothing to mark: a passing check never improves a result set by someone else
            }
            case UNSTABLE -> {
                run.setResult(Result.UNSTABLE);
                if (node != null) {
                    node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(summary));
                }
            }
            case FAILED -> throw new AbortException(summary);
            case ERROR -> throw new AbortException("could not evaluate: " + summary);
        }
    }
}
