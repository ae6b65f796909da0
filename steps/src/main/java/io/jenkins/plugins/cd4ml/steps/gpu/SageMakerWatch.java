package io.jenkins.plugins.cd4ml.steps.gpu;

import hudson.AbortException;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainer;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainingReport;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainingResult;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobException;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobRun;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingLogCursor;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingLogFollower;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * What {@link SageMakerTrainingExecution} does, apart from the {@code StepContext}: start (or
 * find) the job, watch it, record the report, complete the step exactly once — and abort by
 * stopping the job once. Kept apart so it is tested against the SageMaker fake.
 */
final class SageMakerWatch {
    /** Where the watch reports to: the step context in Jenkins, a recorder in tests. */
    interface Sink {
        /** @param line one line for the build log */
        void log(String line);

        /** @param jobName the job, known from now on (persist it) */
        void jobStarted(String jobName);

        /** @param section report section @param json the report */
        void record(String section, String json);

        /** @param value the step's return value */
        void succeeded(Map<String, Object> value);

        /** @param cause why the step fails */
        void failed(Throwable cause);

        /** @param cursor how far the container logs have been shown (persist it: a restart goes on from there) */
        default void logsShown(TrainingLogCursor cursor) {
        }
    }

    private final SageMakerPlan plan;
    private final Sink sink;
    private final TrainingLogCursor logsFrom;
    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile TrainingJobRun run;
    private volatile Throwable abortCause;
    private volatile String jobName;

    SageMakerWatch(SageMakerPlan plan, Sink sink) {
        this(plan, sink, TrainingLogCursor.START);
    }

    /**
     * @param plan the job
     * @param sink where the watch reports to
     * @param logsFrom how far an earlier watch of this step (before a controller restart) showed the container logs
     */
    SageMakerWatch(SageMakerPlan plan, Sink sink, TrainingLogCursor logsFrom) {
        this.plan = plan;
        this.sink = sink;
        this.logsFrom = logsFrom;
    }

    /** @return the job's name once started, else {@code null} */
    String jobName() {
        return jobName;
    }

    /**
     * Starts or finds the job and watches it to its end, status only; completes the step.
     *
     * @param trainer the engine, with its client
     */
    void run(SageMakerTrainer trainer) {
        run(trainer, null);
    }

    /**
     * Starts or finds the job and watches it to its end, showing its container logs when the plan
     * asks for them; completes the step.
     *
     * @param trainer the engine, with its client
     * @param cloudWatchLogs a client to read the container logs with, or {@code null} (no logs)
     */
    void run(SageMakerTrainer trainer, CloudWatchLogsClient cloudWatchLogs) {
        if (abortCause != null) {
            complete(abortCause, null); // aborted before anything was sent: no job
            return;
        }
        try {
            TrainingJobRun started = trainer.start(plan.spec(), plan.allowlist(), plan.identity(), this::log);
            run = started;
            jobName = started.jobName();
            sink.jobStarted(jobName);
            if (abortCause != null) {
                stop(started); // aborted while the job was being created
            }
            TrainingLogFollower logs = plan.streamLogs() && cloudWatchLogs != null
                    ? new TrainingLogFollower(cloudWatchLogs, jobName, logsFrom, TrainingLogFollower.Limits.DEFAULT,
                            new LogOutput())
                    : null;
            SageMakerTrainingResult result = started.await(this::log, logs);
            sink.record(plan.section(), SageMakerReports.toJson(result, logs == null ? null : logs.cursor()));
            SageMakerTrainingReport.toText(result).forEach(this::log);
            if (result.succeeded() && abortCause == null) {
                complete(null, SageMakerReports.toReturnValue(result));
            } else {
                complete(new AbortException("trainModel: " + SageMakerTrainingReport.failure(result)), null);
            }
        } catch (InvalidInputException e) {
            complete(new AbortException("trainModel: " + e.getProblem()), null);
        } catch (TrainingJobException e) {
            sink.record(plan.section(), SageMakerReports.errorJson(jobName, e.getMessage()));
            complete(new AbortException("trainModel: " + e.getMessage()), null);
        } catch (SdkException e) {
            complete(new AbortException("trainModel: AWS: " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            complete(new AbortException("trainModel: interrupted while watching " + jobName
                    + "; the job keeps running"), null);
        } catch (RuntimeException e) {
            complete(e, null);
        }
    }

    /**
     * The build was aborted: stop the job (once, however often this is called); {@link #run}
     * records {@code Stopped} and then fails the step with {@code cause}.
     *
     * @param cause the abort
     */
    void abort(Throwable cause) {
        abortCause = cause;
        TrainingJobRun current = run;
        if (current != null) {
            stop(current);
        } // else: run() stops it right after creating it
    }

    private void stop(TrainingJobRun current) {
        try {
            current.requestStop(this::log);
        } catch (TrainingJobException e) {
            log(e.getMessage() + "; the job may still run");
        }
    }

    private void complete(Throwable failure, Map<String, Object> value) {
        if (!completed.compareAndSet(false, true)) {
            return;
        }
        Throwable cause = abortCause;
        if (cause != null) {
            sink.failed(cause);
        } else if (failure != null) {
            sink.failed(failure);
        } else {
            sink.succeeded(value);
        }
    }

    private void log(String line) {
        sink.log("trainModel: " + line);
    }

    /** Container lines go to the build log as they are ({@code [algo-1] …}); notices as the watch's own lines. */
    private final class LogOutput implements TrainingLogFollower.Output {
        @Override
        public void line(String line) {
            sink.log(line);
        }

        @Override
        public void notice(String text) {
            log(text);
        }

        @Override
        public void advanced(TrainingLogCursor cursor) {
            sink.logsShown(cursor);
        }
    }
}
