package io.jenkins.plugins.cd4ml.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.aws.AwsClients;
import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import io.jenkins.plugins.cd4ml.aws.AwsIdentity;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.PollPolicy;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainer;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainingReport;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainingResult;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobException;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobFile;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobRun;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingLogCursor;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingLogFollower;
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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * {@code cd4ml train --sagemaker JOB.yaml}: the options and the run of a SageMaker training job
 * (same engine as {@code trainModel sagemaker: …}), with the containers' log lines unless
 * {@code --no-logs}. Identity: the default AWS chain, or {@code --profile}; then optionally
 * {@code --assume-role-arn} (with {@code --external-id}) through plugin-core's {@link AwsIdentity}.
 * Exit 0 when the job completed, 1 when it failed or was stopped, 3 when the file is invalid or
 * SageMaker could not be asked (no region, no credentials, role refused).
 */
final class SageMakerTrainOptions {
    @Option(names = "--sagemaker", paramLabel = "JOB.yaml", required = true,
            description = "Train on SageMaker as this job file describes (image, roleArn, instanceType, channels, "
                    + "outputS3Uri, checkpoint, maxRuntimeSeconds, maxWaitSeconds, managedSpot, imageAllowlist); "
                    + "no COMMAND then.")
    Path jobFile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: AWS_REGION, or the "
            + "region of --profile / AWS_PROFILE).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "Act as this named profile of the AWS shared "
            + "config and credentials files, as the AWS CLI's --profile does (default: the default credentials chain: "
            + "environment, AWS_PROFILE, SSO, container or instance role).")
    String profile;

    @Option(names = "--assume-role-arn", paramLabel = "ARN", description = "Assume this IAM role through STS (with "
            + "the --profile or default credentials) for every SageMaker and CloudWatch Logs call, e.g. in another "
            + "account; role session name cd4ml-cli-train-<run id>.")
    String assumeRoleArn;

    @Option(names = "--external-id", paramLabel = "ID", description = "The external ID the role's trust policy asks "
            + "for (with --assume-role-arn); never printed.")
    String externalId;

    @Option(names = "--no-logs", negatable = false, description = "Do not show the training containers' log lines "
            + "(CloudWatch Logs /aws/sagemaker/TrainingJobs); only status changes, no CloudWatch Logs call.")
    boolean noLogs;

    @Option(names = "--run-id", paramLabel = "TEXT", description = "Names this training run; the job name is derived "
            + "from it and the job file, so running again with the same id and file watches the same job instead of "
            + "starting another (default: cli-<job file name>).")
    String runId;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "SageMaker endpoint override (VPC endpoints, tests).")
    URI endpoint;

    @Option(names = "--logs-endpoint-url", paramLabel = "URL", description = "CloudWatch Logs endpoint override "
            + "(VPC endpoints, tests).")
    URI logsEndpoint;

    @Option(names = "--sts-endpoint-url", paramLabel = "URL", description = "STS endpoint override for "
            + "--assume-role-arn (VPC endpoints, tests).")
    URI stsEndpoint;

    @Option(names = "--poll-interval", paramLabel = "DURATION", description = "First poll delay; quiet polls back off "
            + "up to 12 times as long (default: ${DEFAULT-VALUE}).", defaultValue = "5s",
            converter = TrainCommand.DurationConverter.class)
    Duration pollInterval;

    /** @return a misuse of the options, to be reported as a usage error, or empty */
    Optional<String> usageProblem() {
        if (externalId != null && assumeRoleArn == null) {
            return Optional.of("--external-id needs --assume-role-arn");
        }
        return Optional.empty();
    }

    int run(PrintWriter out, PrintWriter log, OutputFormat format) throws InvalidInputException, TrainingJobException,
            InterruptedException {
        TrainingJobFile.Contents contents = TrainingJobFile.read(jobFile, jobFile.toString());
        List<String> problems = SageMakerTrainer.problems(contents.spec(), contents.allowlist());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(SourceLocation.ofFile(jobFile.toString()), String.join("; ", problems));
        }
        Region chosen = region();
        String identity = runId != null ? runId : "cli-" + jobFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try (AwsIdentity aws = identity(chosen, identity)) {
            AwsConnection connection = new AwsConnection(chosen, aws, Optional.ofNullable(endpoint), Optional.empty(),
                    AwsConnection.RetryPolicy.DEFAULT);
            return train(connection, contents, identity, out, log, format);
        }
    }

    private Region region() throws TrainingJobException {
        if (region != null) {
            return Region.of(region);
        }
        DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
        if (profile != null) {
            chain.profileName(profile);
        }
        try {
            return chain.build().getRegion();
        } catch (SdkException e) {
            throw new TrainingJobException("no AWS region: pass --region (or set AWS_REGION"
                    + (profile == null ? "" : ", or region in profile " + profile) + ")", e);
        }
    }

    /** The profile or default chain, then the role; checked before anything is sent to SageMaker. */
    private AwsIdentity identity(Region chosen, String runIdentity) throws TrainingJobException {
        Optional<AwsIdentity.Role> role = Optional.ofNullable(assumeRoleArn).map(arn -> new AwsIdentity.Role(arn,
                AwsIdentity.sessionName("cd4ml-cli-train-" + runIdentity), chosen, Optional.ofNullable(stsEndpoint),
                Optional.ofNullable(externalId)));
        String who = profile == null ? "the default AWS credentials" : "profile '" + profile + "'";
        AwsIdentity aws;
        try {
            aws = profile == null ? AwsIdentity.open(Optional.empty(), role) : AwsIdentity.openProfile(profile, role);
        } catch (AwsIdentity.RoleRefusedException e) {
            throw new TrainingJobException("cannot assume --assume-role-arn through STS with " + who + ": "
                    + e.getMessage(), e);
        } catch (SdkException e) {
            throw new TrainingJobException("no usable AWS credentials from " + who + ": " + e.getMessage(), e);
        }
        try {
            aws.resolveCredentials();
            return aws;
        } catch (SdkException e) {
            aws.close();
            throw new TrainingJobException("no usable AWS credentials from " + who + ": " + e.getMessage(), e);
        }
    }

    private int train(AwsConnection connection, TrainingJobFile.Contents contents, String identity, PrintWriter out,
            PrintWriter log, OutputFormat format) throws InvalidInputException, TrainingJobException,
            InterruptedException {
        PollPolicy policy = new PollPolicy(pollInterval, pollInterval.multipliedBy(12), 2.0,
                PollPolicy.DEFAULT.maxConsecutiveErrors(), PollPolicy.DEFAULT.stopTimeout());
        Consumer<String> progress = line -> {
            log.println("cd4ml: " + line);
            log.flush();
        };
        try (SageMakerClient client = AwsClients.sageMaker(connection);
                CloudWatchLogsClient logsClient = noLogs ? null
                        : TrainingLogFollower.client(connection, Optional.ofNullable(logsEndpoint))) {
            SageMakerTrainer trainer = new SageMakerTrainer(client, policy, Sleeper.SYSTEM, Clock.systemUTC());
            TrainingJobRun run = trainer.start(contents.spec(), contents.allowlist(), identity, progress);
            TrainingLogFollower logs = logsClient == null ? null : new TrainingLogFollower(logsClient, run.jobName(),
                    TrainingLogCursor.START, TrainingLogFollower.Limits.DEFAULT, new TrainingLogFollower.Output() {
                        @Override
                        public void line(String line) {
                            log.println(line);
                            log.flush();
                        }

                        @Override
                        public void notice(String text) {
                            progress.accept(text);
                        }
                    });
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
                result = run.await(progress, logs);
            } finally {
                removeHook(stopOnInterrupt);
            }
            if (format == OutputFormat.json) {
                ObjectNode report = SageMakerTrainingReport.toJson(result, logs == null ? null : logs.cursor());
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
