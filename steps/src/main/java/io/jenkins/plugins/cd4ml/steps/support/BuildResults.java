package io.jenkins.plugins.cd4ml.steps.support;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;
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
    private final Consumer<Result> buildResult;
    private final Consumer<WarningAction> nodeWarning;

    /**
     * @param buildResult sets the build result (only ever makes it worse, as {@code Run.setResult})
     * @param nodeWarning attaches a warning to the step's node in the Pipeline graph
     */
    public BuildResults(@NonNull Consumer<Result> buildResult, @NonNull Consumer<WarningAction> nodeWarning) {
        this.buildResult = Objects.requireNonNull(buildResult, "buildResult");
        this.nodeWarning = Objects.requireNonNull(nodeWarning, "nodeWarning");
    }

    /**
     * @param run the build
     * @param node the step's node in the Pipeline graph, if there is one
     * @return the result handler writing to them
     */
    public static BuildResults of(@NonNull Run<?, ?> run, @CheckForNull FlowNode node) {
        return new BuildResults(run::setResult, node == null ? warning -> { } : node::addOrReplaceAction);
    }

    /**
     * @param context a running step's context
     * @return the result handler for that step
     * @throws IOException if the context cannot be read
     * @throws InterruptedException if interrupted
     */
    public static BuildResults of(@NonNull StepContext context) throws IOException, InterruptedException {
        return of(context.get(Run.class), context.get(FlowNode.class));
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
                buildResult.accept(Result.UNSTABLE);
                nodeWarning.accept(new WarningAction(Result.UNSTABLE).withMessage(summary));
            }
            case FAILED -> throw new AbortException(summary);
            case ERROR -> throw new AbortException("could not evaluate: " + summary);
        }
    }
}
