package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How a SageMaker training job ended, as the build report and the CLI show it.
 *
 * @param jobName the job name
 * @param jobArn the job ARN
 * @param status {@code Completed}, {@code Failed} or {@code Stopped}
 * @param secondaryStatus the last secondary status, e.g. {@code MaxWaitTimeExceeded}
 * @param failureReason SageMaker's reason when it failed, else ""
 * @param managedSpot whether it trained on spot capacity
 * @param trainingSeconds {@code TrainingTimeInSeconds} (0 when SageMaker reports none)
 * @param billableSeconds {@code BillableTimeInSeconds} (0 when SageMaker reports none)
 * @param metrics {@code FinalMetricDataList}: metric name → value
 * @param transitions all secondary status transitions, oldest first
 * @param modelArtifacts the S3 URI of {@code model.tar.gz}, or ""
 * @param adopted whether cd4ml found the job already created (retry, lost response, restart)
 * @param stopRequested whether cd4ml sent {@code StopTrainingJob}
 */
public record SageMakerTrainingResult(String jobName, String jobArn, String status, String secondaryStatus,
        String failureReason, boolean managedSpot, int trainingSeconds, int billableSeconds,
        Map<String, Double> metrics, List<StatusTransition> transitions, String modelArtifacts, boolean adopted,
        boolean stopRequested) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the collections. */
    public SageMakerTrainingResult {
        metrics = Map.copyOf(metrics);
        transitions = List.copyOf(transitions);
    }

    /** @return whether the job completed */
    public boolean succeeded() {
        return "Completed".equals(status);
    }

    /** @return how often spot capacity was reclaimed (each time SageMaker resumed from the checkpoint) */
    public int interruptions() {
        return (int) transitions.stream().filter(StatusTransition::interrupted).count();
    }

    /**
     * @return the share of training time not billed, in percent ({@code (1 - billable / training) * 100});
     *     empty without spot or without a training time
     */
    public OptionalDouble savingsPercent() {
        if (!managedSpot || trainingSeconds <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((1.0 - (double) billableSeconds / trainingSeconds) * 100.0);
    }
}
