package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.aws.AwsClients;
import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import io.jenkins.plugins.cd4ml.aws.AwsIdentity;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.PollPolicy;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainer;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingLogCursor;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingLogFollower;
import io.jenkins.plugins.cd4ml.steps.support.MlReportsAction;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * {@code trainModel sagemaker: …}: watches a SageMaker training job from a background thread of
 * the controller — no executor, no agent, never the CPS thread — for the hours it may train. The
 * work is {@link SageMakerWatch}'s; this class adapts it to the step context.
 *
 * <p>Resumable: the job name is derived from the build and the spec, so after a controller
 * restart {@link #onResume} runs the same start again, which finds the job (describe before
 * create) and re-attaches to polling. {@link #stop} sends {@code StopTrainingJob} once, however
 * often the build is aborted; the step ends when SageMaker reports {@code Stopped}, with the
 * report recorded.
 *
 * <p>Container logs ({@code streamLogs}, on by default) are read with the same identity; how far
 * they were shown is a {@link TrainingLogCursor} kept in this execution and saved with the
 * program after each poll that showed lines, so after a restart the build log goes on where it
 * stopped (a clean shutdown saves it; a crash repeats at most the lines of the last poll).
 */
final class SageMakerTrainingExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cd4ml SageMaker training");
        thread.setDaemon(true);
        return thread;
    });

    private final SageMakerPlan plan;
    private volatile String jobName;
    // persisted with the step, so a restarted controller shows only container log lines not shown yet
    private volatile TrainingLogCursor logsShown = TrainingLogCursor.START;
    private transient AwsCredentialsResolver credentials; // a seam, not state: Jenkins credentials after a restart
    private transient volatile SageMakerWatch watch;

    SageMakerTrainingExecution(StepContext context, SageMakerPlan plan, AwsCredentialsResolver credentials) {
        super(context);
        this.plan = plan;
        this.credentials = credentials;
    }

    @Override
    public boolean start() {
        watch = new SageMakerWatch(plan, new ContextSink(), logsShown);
        BACKGROUND.submit(this::train);
        return false;
    }

    @Override
    public void onResume() {
        // an execution persisted before logs were followed has no cursor
        watch = new SageMakerWatch(plan, new ContextSink(), logsShown == null ? TrainingLogCursor.START : logsShown);
        BACKGROUND.submit(() -> {
            new ContextSink().log("trainModel: Jenkins restarted; re-attaching to SageMaker training job "
                    + (jobName == null ? "(derived from the build)" : jobName));
            train();
        });
    }

    @Override
    public void stop(@NonNull Throwable cause) {
        SageMakerWatch current = watch;
        if (current == null) {
            getContext().onFailure(cause);
            return;
        }
        BACKGROUND.submit(() -> current.abort(cause));
    }

    @Override
    public String getStatus() {
        return jobName == null ? "starting a SageMaker training job" : "watching SageMaker training job " + jobName;
    }

    private void train() {
        SageMakerWatch current = watch;
        Region region;
        AwsIdentity identity;
        try {
            Run<?, ?> build = getContext().get(Run.class);
            region = region();
            identity = (credentials == null ? AwsCredentialsResolver.JENKINS : credentials)
                    .resolve(plan.credentials(), plan.identity(), region, build);
        } catch (AbortException e) {
            // SageMaker could not be asked (no region, unusable credentials, role refused): an ERROR, no job
            new ContextSink().record(plan.section(), SageMakerReports.errorJson(null, e.getMessage()));
            getContext().onFailure(e);
            return;
        } catch (IOException | InterruptedException | RuntimeException e) {
            getContext().onFailure(e);
            return;
        }
        AwsConnection connection = new AwsConnection(region, identity, Optional.empty(), Optional.empty(),
                AwsConnection.RetryPolicy.DEFAULT);
        try (identity; SageMakerClient client = AwsClients.sageMaker(connection);
                CloudWatchLogsClient logs = plan.streamLogs() ? TrainingLogFollower.client(connection, Optional.empty())
                        : null) {
            current.run(new SageMakerTrainer(client, PollPolicy.DEFAULT, Sleeper.SYSTEM, Clock.systemUTC()), logs);
        } catch (SdkException e) {
            getContext().onFailure(new AbortException("trainModel: AWS: " + e.getMessage()));
        }
    }

    private Region region() throws AbortException {
        if (!plan.region().isEmpty()) {
            return Region.of(plan.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            throw new AbortException("trainModel: no AWS region: set region: 'us-east-1' (or AWS_REGION on the controller)");
        }
    }

    /** The watch's reports, into the step context. */
    private final class ContextSink implements SageMakerWatch.Sink {
        @Override
        public void log(String line) {
            try {
                getContext().get(TaskListener.class).getLogger().println(line);
            } catch (IOException | InterruptedException e) {
                // the log is gone; the job and its report matter more
            }
        }

        @Override
        public void jobStarted(String name) {
            jobName = name;
            getContext().saveState();
        }

        @Override
        public void record(String section, String json) {
            try {
                MlReportsAction.record(getContext().get(Run.class), section, json);
            } catch (IOException | InterruptedException e) {
                log("trainModel: could not record the report: " + e.getMessage());
            }
        }

        @Override
        public void succeeded(Map<String, Object> value) {
            getContext().onSuccess(value);
        }

        @Override
        public void failed(Throwable cause) {
            getContext().onFailure(cause);
        }

        @Override
        public void logsShown(TrainingLogCursor cursor) {
            logsShown = cursor;
            getContext().saveState(); // a crash before the next save repeats at most one poll's lines
        }
    }
}
