package io.jenkins.plugins.cd4ml.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.aws.AwsClients;
import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.PollPolicy;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainer;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainingReport;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainingResult;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobException;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobFile;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobRun;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * {@code cd4ml train --sagemaker JOB.yaml}: the options and the run of a SageMaker training job
 * (same engine as {@code trainModel sagemaker: …}). Exit 0 when the job completed, 1 when it
 * failed or was stopped, 3 when the file is invalid or SageMaker could not be asked.
 */
final class SageMakerTrainOptions {
    @Option(names = "--sagemaker", paramLabel = "JOB.yaml", required = true,
            description = "Train on SageMaker as this job file describes (image, roleArn, instanceType, channels, "
                    + "outputS3Uri, checkpoint, maxRuntimeSeconds, maxWaitSeconds, managedSpot, imageAllowlist); "
                    + "no COMMAND then.")
    Path jobFile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: AWS_REGION / profile).")
    String region;

    @Option(names = "--run-id", paramLabel = "TEXT", description = "Names this training run; the job name is derived "
            + "from it and the job file, so running again with the same id and file watches the same job instead of "
            + "starting another (default: cli-<job file name>).")
    String runId;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "SageMaker endpoint override (VPC endpoints, tests).")
    URI endpoint;

    @Option(names = "--poll-interval", paramLabel = "DURATION", description = "First poll delay; quiet polls back off "
            + "up to 12 times as long (default: ${DEFAULT-VALUE}).", defaultValue = "5s",
            converter = TrainCommand.DurationConverter.class)
    Duration pollInterval;

    int run(PrintWriter out, PrintWriter log, OutputFormat format) throws InvalidInputException, TrainingJobException,
            InterruptedException {
        TrainingJobFile.Contents contents = TrainingJobFile.read(jobFile, jobFile.toString());
        List<String> problems = SageMakerTrainer.problems(contents.spec(), contents.allowlist());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(SourceLocation.ofFile(jobFile.toString()), String.join("; ", problems));
        }
        Region chosen = region == null ? new software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain()
                .getRegion() : Region.of(region);
        AwsConnection connection = new AwsConnection(chosen, DefaultCredentialsProvider.builder().build(),
                Optional.ofNullable(endpoint), Optional.empty(), AwsConnection.RetryPolicy.DEFAULT);
        String identity = runId != null ? runId : "cli-" + jobFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        PollPolicy policy = new PollPolicy(pollInterval, pollInterval.multipliedBy(12), 2.0,
                PollPolicy.DEFAULT.maxConsecutiveErrors(), PollPolicy.DEFAULT.stopTimeout());
        Consumer<String> progress = line -> {
            log.println("cd4ml: " + line);
            log.flush();
        };
        try (SageMakerClient client = AwsClients.sageMaker(connection)) {
            SageMakerTrainer trainer = new SageMakerTrainer(client, policy, Sleeper.SYSTEM, Clock.systemUTC());
            TrainingJobRun run = trainer.start(contents.spec(), contents.allowlist(), identity, progress);
            Thread stopOnInterrupt = new Thread(() -> {
                try {
                    run.requestStop(progress); // Ctrl-C stops the job: once, and without waiting
                } catch (TrainingJobException e) {
                    progress.accept(e.getMessage());
                }
            }, "cd4ml stop training job");
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
            SageMakerTrainingResult result;
            try {
                result = run.await(progress);
            } finally {
                removeHook(stopOnInterrupt);
            }
            if (format == OutputFormat.json) {
                ObjectNode report = SageMakerTrainingReport.toJson(result);
                out.println(Json.mapper().writeValueAsString(report));
            } else {
                SageMakerTrainingReport.toText(result).forEach(out::println);
            }
            return SageMakerTrainingReport.verdict(result).exitCode();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs and stops the job
        }
    }
}
