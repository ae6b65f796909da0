package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.aws.AwsClients;
import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.PollPolicy;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainer;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainingReport;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainingResult;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobException;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobRun;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.steps.support.MlReportsAction;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * {@code trainModel sagemaker: …}: watches a SageMaker training job from a background thread of
 * the controller — no executor, no agent, never the CPS thread — for the hours it may train.
 *
 * <p>Resumable: the job name is derived from the build and the spec, so after a controller
 * restart {@link #onResume} runs the same start again, which finds the job (describe before
 * create) and re-attaches to polling. {@link #stop} sends {@code StopTrainingJob} once, however
 * often the build is aborted; the step ends when SageMaker reports {@code Stopped}, with the
 * report recorded.
 */
final class SageMakerTrainingExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cd4ml SageMaker training");
        thread.setDaemon(true);
        return thread;
    });

    private final SageMakerPlan plan;
    private transient AwsCredentialsResolver credentials; // a seam, not state: the default after a restart
    private volatile String jobName;
    private transient volatile TrainingJobRun run;
    private transient volatile Throwable abortCause;

    SageMakerTrainingExecution(StepContext context, SageMakerPlan plan, AwsCredentialsResolver credentials) {
        super(context);
        this.plan = plan;
        this.credentials = credentials;
    }

    @Override
    public boolean start() {
        BACKGROUND.submit(this::train);
        return false;
    }

    @Override
    public void onResume() {
        BACKGROUND.submit(() -> {
            log().println("trainModel: Jenkins restarted; re-attaching to SageMaker training job "
                    + (jobName == null ? "(derived from the build)" : jobName));
            train();
            return null;
        });
    }

    @Override
    public void stop(@NonNull Throwable cause) {
        abortCause = cause;
        TrainingJobRun current = run;
        if (current == null) {
            return; // train() sees the cause right after the job is created and stops it
        }
        BACKGROUND.submit(() -> requestStop(current));
    }

    @Override
    public String getStatus() {
        return jobName == null ? "starting a SageMaker training job" : "watching SageMaker training job " + jobName;
    }

    private Void train() {
        try {
            PrintStream log = log();
            Run<?, ?> build = getContext().get(Run.class);
            AwsConnection connection = new AwsConnection(region(), resolver().resolve(plan.credentials(), build),
                    Optional.empty(), Optional.empty(), AwsConnection.RetryPolicy.DEFAULT);
            try (SageMakerClient client = AwsClients.sageMaker(connection)) {
                SageMakerTrainer trainer = new SageMakerTrainer(client, PollPolicy.DEFAULT, Sleeper.SYSTEM,
                        Clock.systemUTC());
                TrainingJobRun started = trainer.start(plan.spec(), plan.allowlist(), plan.identity(),
                        line -> log.println("trainModel: " + line));
                run = started;
                jobName = started.jobName();
                getContext().saveState();
                if (abortCause != null) {
                    requestStop(started);
                }
                SageMakerTrainingResult result = started.await(line -> log.println("trainModel: " + line));
                MlReportsAction.record(build, plan.section(), SageMakerReports.toJson(result));
                SageMakerTrainingReport.toText(result).forEach(line -> log.println("trainModel: " + line));
                finish(result);
            }
        } catch (InvalidInputException e) {
            fail(new AbortException("trainModel: " + e.getProblem()));
        } catch (TrainingJobException e) {
            recordError(e.getMessage());
            fail(new AbortException("trainModel: " + e.getMessage()));
        } catch (SdkException e) {
            fail(new AbortException("trainModel: AWS: " + e.getMessage()));
        } catch (Throwable t) {
            fail(t);
        }
        return null;
    }

    private void finish(SageMakerTrainingResult result) {
        Throwable cause = abortCause;
        if (cause != null) {
            getContext().onFailure(cause);
        } else if (result.succeeded()) {
            getContext().onSuccess(SageMakerReports.toReturnValue(result));
        } else {
            getContext().onFailure(new AbortException("trainModel: " + SageMakerTrainingReport.failure(result)));
        }
    }

    private Void requestStop(TrainingJobRun current) {
        try {
            current.requestStop(line -> {
                try {
                    log().println("trainModel: " + line);
                } catch (IOException | InterruptedException e) {
                    // the log is gone; the stop itself matters
                }
            });
        } catch (TrainingJobException e) {
            fail(new AbortException("trainModel: " + e.getMessage() + "; the job may still run"));
        }
        return null;
    }

    private AwsCredentialsResolver resolver() {
        return credentials == null ? AwsCredentialsResolver.DEFAULT_CHAIN : credentials;
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

    private void recordError(String message) {
        try {
            MlReportsAction.record(getContext().get(Run.class), plan.section(),
                    SageMakerReports.errorJson(jobName, message));
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the failure below still reaches the build
        }
    }

    private void fail(Throwable t) {
        getContext().onFailure(abortCause != null ? abortCause : t);
    }

    private PrintStream log() throws IOException, InterruptedException {
        return getContext().get(TaskListener.class).getLogger();
    }
}
