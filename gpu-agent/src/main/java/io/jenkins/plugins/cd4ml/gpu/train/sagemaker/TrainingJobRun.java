package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * One training job being watched: {@link #await} polls until it ends, {@link #requestStop} stops
 * it — sending {@code StopTrainingJob} at most once however often it is called.
 */
public final class TrainingJobRun {
    private final SageMakerTrainer trainer;
    private final String jobName;
    private final boolean adopted;
    private final AtomicBoolean stopSent = new AtomicBoolean();
    private volatile Instant stopRequestedAt;

    TrainingJobRun(SageMakerTrainer trainer, String jobName, boolean adopted) {
        this.trainer = trainer;
        this.jobName = jobName;
        this.adopted = adopted;
    }

    /** @return the job name */
    public String jobName() {
        return jobName;
    }

    /** @return whether the job existed before this run (retry, lost response, restart) */
    public boolean adopted() {
        return adopted;
    }

    /**
     * Sends {@code StopTrainingJob} unless it was sent already; {@link #await} then waits for {@code Stopped}.
     *
     * @param log receives one line
     * @return whether this call sent it
     * @throws TrainingJobException when SageMaker cannot be reached
     */
    public boolean requestStop(Consumer<String> log) throws TrainingJobException {
        if (!stopSent.compareAndSet(false, true)) {
            return false;
        }
        stopRequestedAt = trainer.clock().instant();
        try {
            trainer.client().stopTrainingJob(r -> r.trainingJobName(jobName));
            log.accept("SageMaker training job " + jobName + ": stop requested");
        } catch (AwsServiceException e) {
            // already ended (Completed/Failed/Stopped): nothing to stop, await() reports how it ended
            log.accept("SageMaker training job " + jobName + ": not stopped (" + SageMakerTrainer.message(e) + ")");
        } catch (SdkException e) {
            throw new TrainingJobException("StopTrainingJob " + jobName + " failed: " + SageMakerTrainer.message(e), e);
        }
        return true;
    }

    /**
     * Polls until the job ends, streaming new status transitions as log lines.
     *
     * @param log receives one line per transition (spot interruptions and resumes included)
     * @return how it ended
     * @throws InterruptedException when the waiting thread is interrupted (the job keeps running)
     * @throws TrainingJobException when SageMaker stays unreachable or the stop time-out passes
     */
    public SageMakerTrainingResult await(Consumer<String> log) throws InterruptedException, TrainingJobException {
        return await(log, null);
    }

    /**
     * Polls until the job ends, streaming new status transitions and the containers' log lines.
     *
     * @param log receives one line per transition (spot interruptions and resumes included)
     * @param logs follows the job's container logs after each poll and drains them once it ended,
     *     or {@code null} for status only
     * @return how it ended
     * @throws InterruptedException when the waiting thread is interrupted (the job keeps running)
     * @throws TrainingJobException when SageMaker stays unreachable or the stop time-out passes
     */
    public SageMakerTrainingResult await(Consumer<String> log, TrainingLogFollower logs)
            throws InterruptedException, TrainingJobException {
        PollPolicy policy = trainer.policy();
        Duration delay = policy.initialDelay();
        Set<String> shown = new HashSet<>();
        int errors = 0;
        String lastStatus = "";
        while (true) {
            DescribeTrainingJobResponse job;
            try {
                job = trainer.client().describeTrainingJob(r -> r.trainingJobName(jobName));
                errors = 0;
            } catch (SdkException e) {
                if (!transient_(e) || ++errors > policy.maxConsecutiveErrors()) {
                    throw new TrainingJobException("DescribeTrainingJob " + jobName + " failed"
                            + (errors > 0 ? " " + errors + " times in a row" : "") + ": " + SageMakerTrainer.message(e), e);
                }
                log.accept("SageMaker: " + SageMakerTrainer.message(e) + "; asking again in " + delay.toSeconds() + " s");
                trainer.sleeper().sleep(delay);
                delay = policy.next(delay);
                continue;
            }
            boolean changed = show(job, shown, log);
            String status = job.trainingJobStatusAsString() + "/" + job.secondaryStatusAsString();
            changed |= !status.equals(lastStatus);
            lastStatus = status;
            TrainingJobStatus primary = job.trainingJobStatus();
            if (primary == TrainingJobStatus.COMPLETED || primary == TrainingJobStatus.FAILED
                    || primary == TrainingJobStatus.STOPPED) {
                if (logs != null) {
                    logs.drain(); // the containers' last lines arrive around the end
                }
                return result(job);
            }
            if (logs != null) {
                logs.poll();
            }
            Instant stopAt = stopRequestedAt;
            if (stopAt != null && trainer.clock().instant().isAfter(stopAt.plus(policy.stopTimeout()))) {
                throw new TrainingJobException("SageMaker training job " + jobName + " is still " + status + " "
                        + policy.stopTimeout().toMinutes() + " minutes after StopTrainingJob", null);
            }
            delay = changed || stopAt != null ? policy.initialDelay() : policy.next(delay);
            trainer.sleeper().sleep(delay);
        }
    }

    private static boolean transient_(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return e instanceof SdkClientException;
    }

    private boolean show(DescribeTrainingJobResponse job, Set<String> shown, Consumer<String> log) {
        boolean any = false;
        boolean afterInterruption = false;
        String checkpoint = job.checkpointConfig() == null ? "" : job.checkpointConfig().s3Uri();
        for (SecondaryStatusTransition t : job.secondaryStatusTransitions()) {
            String status = t.statusAsString();
            String key = status + "@" + t.startTime() + ":" + t.statusMessage();
            if (shown.add(key)) {
                any = true;
                log.accept("SageMaker " + jobName + ": " + status
                        + (t.statusMessage() == null || t.statusMessage().isEmpty() ? "" : ": " + t.statusMessage()));
                if ("Interrupted".equals(status)) {
                    log.accept("SageMaker " + jobName + ": spot capacity was reclaimed; SageMaker waits for capacity "
                            + "and resumes from the last checkpoint" + (checkpoint.isEmpty() ? "" : " in " + checkpoint));
                } else if ("Training".equals(status) && afterInterruption) {
                    log.accept("SageMaker " + jobName + ": resumed training from checkpoint"
                            + (checkpoint.isEmpty() ? "" : " " + checkpoint));
                }
            }
            if ("Interrupted".equals(status)) {
                afterInterruption = true;
            } else if ("Training".equals(status)) {
                afterInterruption = false;
            }
        }
        return any;
    }

    private SageMakerTrainingResult result(DescribeTrainingJobResponse job) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (MetricData metric : job.finalMetricDataList()) {
            if (metric.value() != null) {
                metrics.put(metric.metricName(), metric.value().doubleValue());
            }
        }
        List<StatusTransition> transitions = new ArrayList<>();
        for (SecondaryStatusTransition t : job.secondaryStatusTransitions()) {
            transitions.add(new StatusTransition(t.statusAsString(), t.startTime(), t.endTime(),
                    t.statusMessage() == null ? "" : t.statusMessage()));
        }
        return new SageMakerTrainingResult(jobName, nullToEmpty(job.trainingJobArn()), job.trainingJobStatusAsString(),
                nullToEmpty(job.secondaryStatusAsString()), nullToEmpty(job.failureReason()),
                Boolean.TRUE.equals(job.enableManagedSpotTraining()),
                job.trainingTimeInSeconds() == null ? 0 : job.trainingTimeInSeconds(),
                job.billableTimeInSeconds() == null ? 0 : job.billableTimeInSeconds(), metrics, transitions,
                job.modelArtifacts() == null ? "" : nullToEmpty(job.modelArtifacts().s3ModelArtifacts()), adopted,
                stopSent.get());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
