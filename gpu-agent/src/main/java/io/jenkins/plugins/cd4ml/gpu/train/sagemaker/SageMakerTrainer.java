package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * Starts SageMaker training jobs exactly once and watches them: the engine behind
 * {@code trainModel sagemaker: …} and {@code cd4ml train --sagemaker}.
 *
 * <p>{@link #start} derives the job name from the caller's identity and the spec
 * ({@link TrainingJobNames}), describes before it creates, and treats {@code ResourceInUse} on
 * create (a retried request whose first response was lost) as "adopt the existing job". The
 * returned {@link TrainingJobRun} polls, streams status transitions and stops the job once.
 */
public final class SageMakerTrainer {
    private final SageMakerClient client;
    private final PollPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * @param client a SageMaker client (the caller closes it)
     * @param policy polling and error tolerance
     * @param sleeper waits between polls (tests pass one that does not sleep)
     * @param clock measures the stop time-out
     */
    public SageMakerTrainer(SageMakerClient client, PollPolicy policy, Sleeper sleeper, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param spec the job
     * @param allowlist the image allowlist
     * @return every problem with the spec and its image, empty when it may be sent
     */
    public static List<String> problems(TrainingJobSpec spec, ImageAllowlist allowlist) {
        List<String> problems = new ArrayList<>(allowlist.entryProblems());
        problems.addAll(spec.problems());
        if (!spec.image().isEmpty()) {
            allowlist.refusal(spec.image()).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * Creates the job, or adopts it when a job of the same name exists already.
     *
     * @param spec the job
     * @param allowlist the image allowlist
     * @param identity who asks (see {@link TrainingJobNames#of})
     * @param log receives progress lines
     * @return the running job
     * @throws InvalidInputException when the spec has problems or the image is not allowed (nothing is sent)
     * @throws TrainingJobException when SageMaker cannot be reached or refuses the job
     */
    public TrainingJobRun start(TrainingJobSpec spec, ImageAllowlist allowlist, String identity, Consumer<String> log)
            throws InvalidInputException, TrainingJobException {
        List<String> problems = problems(spec, allowlist);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(SourceLocation.ofFile("training job spec"), String.join("; ", problems));
        }
        String name = TrainingJobNames.of(identity, spec);
        Optional<DescribeTrainingJobResponse> existing = describeIfExists(name);
        if (existing.isPresent()) {
            checkSameJob(existing.get(), spec);
            log.accept("SageMaker training job " + name + " exists already (" + existing.get().trainingJobStatusAsString()
                    + "); watching it instead of starting another");
            return new TrainingJobRun(this, name, true);
        }
        try {
            client.createTrainingJob(TrainingJobRequests.create(name, spec));
            log.accept("SageMaker training job " + name + " created (" + spec.compute().instanceCount() + " x "
                    + spec.compute().instanceType() + (spec.managedSpot() ? ", managed spot" : ", on-demand") + ")");
            return new TrainingJobRun(this, name, false);
        } catch (ResourceInUseException e) {
            // our first create went through but its response was lost; the SDK retried
            checkSameJob(describe(name), spec);
            log.accept("SageMaker training job " + name + " was created by an earlier attempt; watching it");
            return new TrainingJobRun(this, name, true);
        } catch (SdkException e) {
            throw new TrainingJobException("CreateTrainingJob " + name + " failed: " + message(e), e);
        }
    }

    /**
     * Re-attaches to a job started earlier (after a controller restart).
     *
     * @param jobName the job name
     * @return the job, to await or stop
     */
    public TrainingJobRun attach(String jobName) {
        return new TrainingJobRun(this, jobName, true);
    }

    PollPolicy policy() {
        return policy;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Clock clock() {
        return clock;
    }

    SageMakerClient client() {
        return client;
    }

    DescribeTrainingJobResponse describe(String name) throws TrainingJobException {
        try {
            return client.describeTrainingJob(r -> r.trainingJobName(name));
        } catch (SdkException e) {
            throw new TrainingJobException("DescribeTrainingJob " + name + " failed: " + message(e), e);
        }
    }

    private Optional<DescribeTrainingJobResponse> describeIfExists(String name) throws TrainingJobException {
        try {
            return Optional.of(client.describeTrainingJob(r -> r.trainingJobName(name)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SageMakerException e) {
            if (notFound(e)) {
                return Optional.empty();
            }
            throw new TrainingJobException("DescribeTrainingJob " + name + " failed: " + message(e), e);
        } catch (SdkException e) {
            throw new TrainingJobException("DescribeTrainingJob " + name + " failed: " + message(e), e);
        }
    }

    /** SageMaker answers a missing job with {@code ValidationException: Requested resource not found.} */
    private static boolean notFound(SageMakerException e) {
        return e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode())
                && String.valueOf(e.awsErrorDetails().errorMessage()).toLowerCase(Locale.ROOT).contains("not found");
    }

    /** A name clash with a different job (by hand, or a hash collision) must not be adopted. */
    private static void checkSameJob(DescribeTrainingJobResponse job, TrainingJobSpec spec) throws TrainingJobException {
        String image = job.algorithmSpecification() == null ? null : job.algorithmSpecification().trainingImage();
        if (!spec.image().equals(image) || !spec.roleArn().equals(job.roleArn())) {
            throw new TrainingJobException("a different training job named " + job.trainingJobName()
                    + " exists (image " + image + "); refusing to adopt it", null);
        }
    }

    static String message(SdkException e) {
        if (e instanceof SageMakerException s && s.awsErrorDetails() != null) {
            return s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
