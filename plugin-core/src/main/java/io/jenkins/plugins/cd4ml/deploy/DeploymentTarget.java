package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import java.io.IOException;

/**
 * Where model versions serve (SPI): the local HTTP server, SageMaker real-time endpoints, KServe.
 * One instance serves one environment. Every implementation passes the abstract contract test
 * ({@code DeploymentTargetContractTest}).
 *
 * <p>Rules: {@link #rollout} is idempotent — it names what it creates from the plan, looks before
 * it creates, and when it finds a rollout of the same plan in progress it waits for it instead of
 * starting again (that is how a restarted Jenkins resumes). {@link #observe} reads the truth from
 * the target and never answers from memory of what was requested.
 */
public interface DeploymentTarget extends AutoCloseable {
    /**
     * @param strategy a strategy
     * @return why this target cannot run it, or empty when it can
     */
    String unsupported(DeploymentStrategy strategy);

    /**
     * Reads back what serves the model in this environment.
     *
     * @param model the registered model
     * @return the serving state
     * @throws IOException when the target cannot be asked
     */
    ServingState observe(String model) throws IOException;

    /**
     * Rolls the plan out and returns when it has settled (completed, rolled back or failed).
     *
     * @param plan what to roll out
     * @param progress timeline and waiting
     * @return what happened on the way
     * @throws IOException when the target fails to answer
     * @throws InterruptedException when the deployment is aborted
     */
    RolloutResult rollout(TargetPlan plan, DeploymentProgress progress) throws IOException, InterruptedException;

    /**
     * Stops a rollout after an abort, bringing back the previous version where the target allows it.
     *
     * @param plan the rollout that was aborted
     * @param progress timeline
     * @throws IOException when the target fails to answer
     */
    void abort(TargetPlan plan, DeploymentProgress progress) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
