package io.jenkins.plugins.cd4ml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.fake.FakeCloudWatchLogs;
import io.jenkins.plugins.cd4ml.fake.FakeSageMaker;
import io.jenkins.plugins.cd4ml.fake.FakeSts;
import io.jenkins.plugins.cd4ml.fake.FakeTrainingJobs;
import io.jenkins.plugins.cd4ml.fake.FakeTrainingJobs.Lifecycle;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cd4ml train --sagemaker} against the loopback SageMaker, CloudWatch Logs and STS fakes,
 * through the real SDK clients.
 */
class TrainSageMakerCommandTest {
    private static final String JOB = """
            image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-train@sha256:%s
            roleArn: arn:aws:iam::123456789012:role/SageMakerTraining
            instanceType: ml.g5.xlarge
            hyperparameters: {epochs: 10, lr: 0.001}
            channels: {train: s3://ml-data/churn/train}
            outputS3Uri: s3://ml-models/churn
            checkpoint: {s3Uri: s3://ml-checkpoints/churn}
            managedSpot: true
            maxRuntimeSeconds: 7200
            maxWaitSeconds: %d
            """;

    @TempDir
    Path dir;

    private FakeSageMaker fake;
    private FakeTrainingJobs jobs;
    private FakeCloudWatchLogs logs;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void startFake() throws Exception {
        fake = FakeSageMaker.start();
        logs = FakeCloudWatchLogs.start();
        jobs = FakeTrainingJobs.installOn(fake).logTo(logs, 2);
        System.setProperty("aws.accessKeyId", "AKIDFAKE");
        System.setProperty("aws.secretAccessKey", "not-a-secret");
    }

    @AfterEach
    void stopFake() {
        fake.close();
        logs.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.configFile");
    }

    private Path jobFile(int maxWaitSeconds, String extra) throws Exception {
        return Files.writeString(dir.resolve("churn.yaml"), JOB.formatted("ab".repeat(32), maxWaitSeconds) + extra);
    }

    private int train(Path job, String... more) {
        out = new StringWriter();
        err = new StringWriter();
        String[] base = {"train", "--sagemaker", job.toString(), "--region", "us-east-1", "--endpoint-url",
            fake.endpoint().toString(), "--logs-endpoint-url", logs.endpoint().toString(), "--poll-interval", "1ms"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void completedSpotJobExitsZeroWithSavingsAndRunningAgainWatchesTheSameJob() throws Exception {
        jobs.nextJob(Lifecycle.completes(3600, 1080, Map.of("validation:accuracy", 0.94)).interruptedOnce());
        Path job = jobFile(14400, "");

        int code = train(job, "--format", "json");

        assertThat(code).as(err.toString()).isZero();
        JsonNode report = Json.mapper().readTree(out.toString());
        assertThat(report.path("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(report.path("jobStatus").asText()).isEqualTo("Completed");
        assertThat(report.path("savingsPercent").asDouble()).isCloseTo(100.0 * (1 - 1080.0 / 3600), within(1e-9));
        assertThat(report.path("interruptions").asInt()).isEqualTo(1);
        assertThat(report.path("jobName").asText()).startsWith("cli-churn-");
        assertThat(err.toString()).contains("resumed training from checkpoint");

        assertThat(train(job, "--format", "json")).isZero();
        assertThat(Json.mapper().readTree(out.toString()).path("adopted").asBoolean()).isTrue();
        assertThat(fake.requests("CreateTrainingJob")).hasSize(1);
        assertThat(train(job, "--run-id", "second-attempt")).isZero();
        assertThat(fake.requests("CreateTrainingJob")).hasSize(2);
        assertThat(out.toString()).contains("SageMaker training job second-attempt-", "Completed");
    }

    @Test
    void failedJobExitsOneWithSageMakersReason() throws Exception {
        jobs.nextJob(Lifecycle.fails("AlgorithmError: loss is NaN"));

        int code = train(jobFile(14400, ""));

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("Failed", "failure reason: AlgorithmError: loss is NaN");
    }

    @Test
    void invalidJobFileExitsThreeAndSendsNothing() throws Exception {
        int code = train(jobFile(3600, ""));

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("churn.yaml", "maxWaitSeconds: must be at least maxRuntimeSeconds (7200)");
        assertThat(fake.requests("CreateTrainingJob")).isEmpty();
    }

    @Test
    void imageOutsideTheAllowlistExitsThree() throws Exception {
        int code = train(jobFile(14400, "imageAllowlist: [sha256:" + "cd".repeat(32) + "]\n"));

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("not in the image allowlist");
        assertThat(fake.requests("CreateTrainingJob")).isEmpty();
    }

    @Test
    void unknownKeyIsAPreciseError() throws Exception {
        assertThat(train(jobFile(14400, "instanceTyp: ml.p3.2xlarge\n"))).isEqualTo(3);
        assertThat(err.toString()).contains("unknown key 'instanceTyp'");
    }

    @Test
    void theContainersLogLinesAreShownOnceAsTheyArriveAndCountedInTheReport() throws Exception {
        jobs.nextJob(Lifecycle.completes(3600, 1080, Map.of()).interruptedOnce());

        int code = train(jobFile(14400, ""), "--format", "json");

        assertThat(code).as(err.toString()).isZero();
        List<String> written = logs.streams(FakeTrainingJobs.LOG_GROUP).values().stream().flatMap(List::stream)
                .map(message -> "[algo-1] " + message).toList();
        assertThat(written).contains("[algo-1] Reporting training SUCCESS");
        List<String> shown = err.toString().lines().filter(l -> l.startsWith("[algo-")).toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(written);
        JsonNode report = Json.mapper().readTree(out.toString());
        assertThat(report.path("containerLogLines").asInt()).isEqualTo(written.size());
        assertThat(out.toString()).doesNotContain("epoch 1");
    }

    @Test
    void noLogsMakesNoCloudWatchLogsCall() throws Exception {
        jobs.nextJob(Lifecycle.completes(600, 600, Map.of()));

        int code = train(jobFile(14400, ""), "--no-logs");

        assertThat(code).as(err.toString()).isZero();
        assertThat(logs.streams(FakeTrainingJobs.LOG_GROUP)).isNotEmpty();
        assertThat(logs.requestCount()).isZero();
        assertThat(out.toString()).doesNotContain("[algo-");
    }

    private void profiles() throws Exception {
        Path credentials = Files.writeString(dir.resolve("credentials"),
                "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = default-secret\n"
                        + "[train]\naws_access_key_id = AKIAPROFILE\naws_secret_access_key = profile-secret\n");
        Path config = Files.writeString(dir.resolve("config"), "[profile train]\nregion = us-east-1\n");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", config.toString());
    }

    @Test
    void aNamedProfileSignsEveryCall() throws Exception {
        profiles();
        jobs.nextJob(Lifecycle.completes(600, 600, Map.of()));

        int code = train(jobFile(14400, ""), "--profile", "train");

        assertThat(code).as(err.toString()).isZero();
        assertThat(fake.accessKeyIds()).isNotEmpty().containsOnly("AKIAPROFILE");
        assertThat(out.toString() + err).doesNotContain("profile-secret");
    }

    @Test
    void theRoleIsAssumedWithTheProfileAndTheExternalIdAndActsForTheJob() throws Exception {
        profiles();
        jobs.nextJob(Lifecycle.completes(600, 600, Map.of()));
        try (FakeSts sts = FakeSts.start()) {
            int code = train(jobFile(14400, ""), "--profile", "train", "--assume-role-arn",
                    "arn:aws:iam::444455556666:role/cd4ml-trainer", "--external-id", "ext-4711", "--sts-endpoint-url",
                    sts.endpoint().toString(), "--format", "json");

            assertThat(code).as(err.toString()).isZero();
            assertThat(sts.assumeRoleCalls()).singleElement().satisfies(call -> {
                assertThat(call.signedBy()).isEqualTo("AKIAPROFILE");
                assertThat(call.roleArn()).isEqualTo("arn:aws:iam::444455556666:role/cd4ml-trainer");
                assertThat(call.externalId()).isEqualTo("ext-4711");
                assertThat(call.sessionName()).isEqualTo("cd4ml-cli-train-cli-churn");
            });
            assertThat(fake.accessKeyIds()).isNotEmpty().containsOnly(sts.assumeRoleCalls().get(0).issuedAccessKeyId());
            assertThat(logs.requestCount()).isPositive();
        }
        assertThat(out.toString() + err).doesNotContain("ext-4711", "profile-secret", "session-secret");
    }

    @Test
    void aRoleStsRefusesExitsThreeAndSendsNothing() throws Exception {
        try (FakeSts sts = FakeSts.start()) {
            sts.deny("arn:aws:iam::444455556666:role/cd4ml-trainer");

            int code = train(jobFile(14400, ""), "--assume-role-arn", "arn:aws:iam::444455556666:role/cd4ml-trainer",
                    "--sts-endpoint-url", sts.endpoint().toString());

            assertThat(code).isEqualTo(3);
            assertThat(err.toString()).contains("cannot assume --assume-role-arn through STS with the default AWS "
                    + "credentials", "AccessDenied");
        }
        assertThat(fake.requests("CreateTrainingJob")).isEmpty();
        assertThat(fake.requests("DescribeTrainingJob")).isEmpty();
    }

    @Test
    void anUnknownProfileExitsThreeNamingIt() throws Exception {
        profiles();

        int code = train(jobFile(14400, ""), "--profile", "nope");

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("no usable AWS credentials from profile 'nope'");
        assertThat(fake.requests("DescribeTrainingJob")).isEmpty();
    }

    @Test
    void anExternalIdWithoutARoleIsAUsageError() throws Exception {
        assertThat(train(jobFile(14400, ""), "--external-id", "ext-4711")).isEqualTo(2);
        assertThat(err.toString()).contains("--external-id needs --assume-role-arn");
    }

    @Test
    void neitherCommandNorSageMakerIsAUsageError() {
        int code = Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), "train", "--gpus", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("COMMAND");
    }
}
