package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.AbortException;
import io.jenkins.plugins.cd4ml.aws.AwsClients;
import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import io.jenkins.plugins.cd4ml.aws.AwsIdentity;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.deploy.credentials.CredentialStore;
import io.jenkins.plugins.cd4ml.deploy.credentials.StoredCredential;
import io.jenkins.plugins.cd4ml.fake.FakeCloudWatchLogs;
import io.jenkins.plugins.cd4ml.fake.FakeSageMaker;
import io.jenkins.plugins.cd4ml.fake.FakeSts;
import io.jenkins.plugins.cd4ml.fake.FakeTrainingJobs;
import io.jenkins.plugins.cd4ml.fake.FakeTrainingJobs.Lifecycle;
import io.jenkins.plugins.cd4ml.fake.Fault;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.ImageAllowlist;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.PollPolicy;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.SageMakerTrainer;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingJobSpec;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingLogCursor;
import io.jenkins.plugins.cd4ml.gpu.train.sagemaker.TrainingLogFollower;
import io.jenkins.plugins.cd4ml.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** What {@code trainModel sagemaker: …} does in Jenkins, against the SageMaker fake: complete once, stop once, re-attach. */
class SageMakerWatchTest {
    private static final PollPolicy POLICY = new PollPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60), 2.0, 2,
            Duration.ofMinutes(15));

    private FakeSageMaker fake;
    private FakeTrainingJobs jobs;
    private SageMakerClient client;
    private final Recorder sink = new Recorder();

    @BeforeEach
    void startFake() throws Exception {
        fake = FakeSageMaker.start();
        jobs = FakeTrainingJobs.installOn(fake);
        client = AwsClients.sageMaker(new AwsConnection(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", "not-a-secret")),
                Optional.of(fake.endpoint()), Optional.empty(), new AwsConnection.RetryPolicy(2, Duration.ofMillis(1),
                        Duration.ofMillis(5), Duration.ofSeconds(2), Duration.ofSeconds(10))));
    }

    @AfterEach
    void stopFake() {
        client.close();
        fake.close();
    }

    private static SageMakerPlan plan() {
        return plan(EnvironmentCredentials.DEFAULT);
    }

    private static SageMakerPlan plan(EnvironmentCredentials credentials) {
        return plan(credentials, true);
    }

    private static SageMakerPlan plan(EnvironmentCredentials credentials, boolean streamLogs) {
        TrainingJobSpec spec = TrainingJobSpec.builder()
                .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-train@sha256:" + "ab".repeat(32))
                .roleArn("arn:aws:iam::123456789012:role/SageMakerTraining").instances("ml.g5.xlarge", 1)
                .channel("train", "s3://ml-data/churn/train").outputS3Uri("s3://ml-models/churn")
                .checkpoint("s3://ml-checkpoints/churn", "").maxRuntime(Duration.ofHours(2))
                .maxWait(Duration.ofHours(4)).managedSpot(true).build();
        return new SageMakerPlan(spec, ImageAllowlist.ANY, credentials, "us-east-1",
                "team/churn#42/training", "training", streamLogs);
    }

    private SageMakerTrainer trainer(Sleeper sleeper) {
        return new SageMakerTrainer(client, POLICY, sleeper, Clock.systemUTC());
    }

    @Test
    void completedJobRecordsTheReportAndReturnsSavings() throws Exception {
        jobs.nextJob(Lifecycle.completes(3600, 1440, Map.of("validation:accuracy", 0.9)));

        new SageMakerWatch(plan(), sink).run(trainer(d -> { }));

        assertThat(sink.failures).isEmpty();
        assertThat(sink.values).singleElement().satisfies(value -> {
            assertThat(value).containsEntry("status", "Completed").containsEntry("billableSeconds", 1440);
            assertThat((Double) value.get("savingsPercent")).isEqualTo(100.0 * (1 - 1440.0 / 3600));
        });
        assertThat(sink.jobNames).singleElement().asString().startsWith("team-churn-42-training-");
        JsonNode report = Json.mapper().readTree(sink.reports.get("training"));
        assertThat(report.path("verdict").asText()).isEqualTo("PASSED");
        assertThat(sink.lines).anyMatch(l -> l.startsWith("trainModel: SageMaker ") && l.endsWith("Uploading: Uploading generated training model"));
    }

    @Test
    void theJobIsCreatedAndWatchedAsTheRoleAssumedWithTheJenkinsCredential() throws Exception {
        jobs.nextJob(Lifecycle.completes(600, 300, Map.of()));
        SageMakerPlan plan = plan(new EnvironmentCredentials("aws-train",
                "arn:aws:iam::444455556666:role/cd4ml-trainer"));
        CredentialStore store = id -> Optional.ofNullable(Map.<String, StoredCredential>of(
                "aws-train", new StoredCredential.AwsKeys("AKIATRAIN", "train-secret", null)).get(id));

        try (FakeSts sts = FakeSts.start();
                AwsIdentity identity = new AwsCredentialsResolver(run -> store, Optional.of(sts.endpoint()),
                        Duration.ofMinutes(10), () -> false).resolve(plan.credentials(), plan.identity(), Region.US_EAST_1, null);
                SageMakerClient asRole = AwsClients.sageMaker(new AwsConnection(Region.US_EAST_1, identity,
                        Optional.of(fake.endpoint()), Optional.empty(), AwsConnection.RetryPolicy.DEFAULT))) {
            new SageMakerWatch(plan, sink).run(new SageMakerTrainer(asRole, POLICY, d -> { }, Clock.systemUTC()));

            assertThat(sink.failures).isEmpty();
            assertThat(sts.assumeRoleCalls()).singleElement().satisfies(call -> {
                assertThat(call.signedBy()).isEqualTo("AKIATRAIN");
                assertThat(call.sessionName()).isEqualTo("cd4ml-train-team-churn-42-training");
            });
            assertThat(fake.requests("CreateTrainingJob")).hasSize(1);
            assertThat(fake.accessKeyIds()).isNotEmpty()
                    .containsOnly(sts.assumeRoleCalls().get(0).issuedAccessKeyId());
        }
        assertThat(sink.reports.get("training")).doesNotContain("AKIATRAIN", "train-secret", "ASIAFAKE",
                "session-secret", "session-token");
        assertThat(sink.lines).noneMatch(line -> line.contains("AKIATRAIN") || line.contains("ASIAFAKE"));
    }

    @Test
    void abortedTwiceStopsTheJobOnceRecordsStoppedAndFailsWithTheAbort() throws Exception {
        jobs.nextJob(Lifecycle.runsUntilStopped());
        AbortException abort = new AbortException("Aborted by alice");
        SageMakerWatch watch = new SageMakerWatch(plan(), sink);
        int[] polls = {0};

        watch.run(trainer(d -> {
            if (++polls[0] == 2) {
                watch.abort(abort);
                watch.abort(abort); // aborted again: Jenkins calls stop() once per click
            }
        }));

        assertThat(fake.requests("StopTrainingJob")).hasSize(1);
        assertThat(sink.failures).containsExactly(abort);
        assertThat(sink.values).isEmpty();
        JsonNode report = Json.mapper().readTree(sink.reports.get("training"));
        assertThat(report.path("jobStatus").asText()).isEqualTo("Stopped");
        assertThat(report.path("stopRequested").asBoolean()).isTrue();
    }

    @Test
    void abortedBeforeTheJobIsCreatedSendsNothing() {
        AbortException abort = new AbortException("Aborted");
        SageMakerWatch watch = new SageMakerWatch(plan(), sink);

        watch.abort(abort);
        watch.run(trainer(d -> { }));

        assertThat(fake.requests("CreateTrainingJob")).isEmpty();
        assertThat(sink.failures).containsExactly(abort);
    }

    @Test
    void afterARestartTheWatchReattachesToTheSameJob() throws Exception {
        String before = trainer(d -> { }).start(plan().spec(), ImageAllowlist.ANY, plan().identity(), l -> { }).jobName();

        new SageMakerWatch(plan(), sink).run(trainer(d -> { })); // onResume: the same plan, a new watch

        assertThat(sink.jobNames).containsExactly(before);
        assertThat(fake.requests("CreateTrainingJob")).hasSize(1);
        assertThat(sink.values).hasSize(1);
    }

    @Test
    void failedJobFailsTheStepWithSageMakersReason() throws Exception {
        jobs.nextJob(Lifecycle.fails("AlgorithmError: loss is NaN"));

        new SageMakerWatch(plan(), sink).run(trainer(d -> { }));

        assertThat(sink.failures).singleElement().isInstanceOf(AbortException.class).asString()
                .contains("Failed: AlgorithmError: loss is NaN");
        assertThat(Json.mapper().readTree(sink.reports.get("training")).path("verdict").asText()).isEqualTo("FAILED");
    }

    @Test
    void sageMakerOutOfReachIsAnErrorReport() throws Exception {
        new SageMakerWatch(plan(), new Recorder()).run(trainer(d -> { })); // creates the job
        for (int i = 0; i < 2 * (POLICY.maxConsecutiveErrors() + 2); i++) {
            fake.failNext("DescribeTrainingJob", Fault.serverError());
        }

        new SageMakerWatch(plan(), sink).run(trainer(d -> { }));

        assertThat(sink.failures).singleElement().asString().contains("InternalFailure");
        assertThat(Json.mapper().readTree(sink.reports.get("training")).path("verdict").asText()).isEqualTo("ERROR");
    }

    @Test
    void containerLinesReachTheBuildLogOnceAndTheReportCountsThemWithoutQuotingThem() throws Exception {
        jobs.nextJob(Lifecycle.completes(3600, 1440, Map.of()).interruptedOnce());
        try (FakeCloudWatchLogs logs = FakeCloudWatchLogs.start(); CloudWatchLogsClient logsClient = logsClient(logs)) {
            jobs.logTo(logs, 2);

            new SageMakerWatch(plan(), sink).run(trainer(d -> { }), logsClient);

            List<String> written = containerLines(logs);
            assertThat(written).isNotEmpty();
            assertThat(sink.lines).filteredOn(l -> l.startsWith("[algo-")).containsExactlyElementsOf(written);
            assertThat(sink.cursors).isNotEmpty().last().satisfies(c -> assertThat(c.lines()).isEqualTo(written.size()));
            JsonNode report = Json.mapper().readTree(sink.reports.get("training"));
            assertThat(report.path("containerLogLines").asLong()).isEqualTo(written.size());
            assertThat(sink.reports.get("training")).doesNotContain("epoch 1");
        }
    }

    @Test
    void afterARestartTheContainerLogsGoOnWhereThePersistedCursorStopped() throws Exception {
        jobs.nextJob(Lifecycle.completes(3600, 1440, Map.of()).interruptedOnce());
        try (FakeCloudWatchLogs logs = FakeCloudWatchLogs.start(); CloudWatchLogsClient logsClient = logsClient(logs)) {
            jobs.logTo(logs, 2);
            int[] polls = {0};
            new SageMakerWatch(plan(), sink).run(trainer(d -> {
                if (++polls[0] == 4) { // the controller shuts down after the first stream was shown
                    throw new InterruptedException("Jenkins is shutting down");
                }
            }), logsClient);
            assertThat(sink.failures).singleElement().asString().contains("the job keeps running");
            assertThat(Thread.interrupted()).isTrue(); // the watch kept the interrupt; a restarted JVM has none
            TrainingLogCursor persisted = roundTrip(sink.cursors.get(sink.cursors.size() - 1));
            Recorder afterRestart = new Recorder();

            new SageMakerWatch(plan(), afterRestart, persisted).run(trainer(d -> { }), logsClient);

            assertThat(afterRestart.values).hasSize(1);
            List<String> before = sink.lines.stream().filter(l -> l.startsWith("[algo-")).toList();
            List<String> after = afterRestart.lines.stream().filter(l -> l.startsWith("[algo-")).toList();
            assertThat(before).isNotEmpty();
            assertThat(after).isNotEmpty().doesNotContainAnyElementsOf(before);
            List<String> both = new java.util.ArrayList<>(before);
            both.addAll(after);
            assertThat(both).containsExactlyElementsOf(containerLines(logs));
        }
    }

    @Test
    void streamLogsFalseMakesNoCloudWatchLogsCall() throws Exception {
        jobs.nextJob(Lifecycle.completes(600, 600, Map.of()));
        try (FakeCloudWatchLogs logs = FakeCloudWatchLogs.start(); CloudWatchLogsClient logsClient = logsClient(logs)) {
            jobs.logTo(logs, 2);

            new SageMakerWatch(plan(EnvironmentCredentials.DEFAULT, false), sink).run(trainer(d -> { }), logsClient);

            assertThat(sink.values).hasSize(1);
            assertThat(logs.streams(FakeTrainingJobs.LOG_GROUP)).isNotEmpty();
            assertThat(logs.requestCount()).isZero();
            assertThat(sink.lines).noneMatch(l -> l.startsWith("[algo-"));
            assertThat(Json.mapper().readTree(sink.reports.get("training")).has("containerLogLines")).isFalse();
        }
    }

    private static CloudWatchLogsClient logsClient(FakeCloudWatchLogs logs) {
        return TrainingLogFollower.client(new AwsConnection(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", "not-a-secret")),
                Optional.empty(), Optional.empty(), new AwsConnection.RetryPolicy(2, Duration.ofMillis(1),
                        Duration.ofMillis(5), Duration.ofSeconds(2), Duration.ofSeconds(10))),
                Optional.of(logs.endpoint()));
    }

    /** The fake containers' lines, stream by stream in the order the job started them, as the build shows them. */
    private static List<String> containerLines(FakeCloudWatchLogs logs) {
        return logs.streams(FakeTrainingJobs.LOG_GROUP).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(
                        stream -> Long.parseLong(stream.substring(stream.lastIndexOf('-') + 1)))))
                .flatMap(e -> e.getValue().stream().map(m -> "[algo-1] " + m)).toList();
    }

    private static TrainingLogCursor roundTrip(TrainingLogCursor cursor) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(cursor);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (TrainingLogCursor) in.readObject();
        }
    }

    /** Records what the watch reports. */
    private static final class Recorder implements SageMakerWatch.Sink {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> jobNames = new CopyOnWriteArrayList<>();
        final Map<String, String> reports = new java.util.concurrent.ConcurrentHashMap<>();
        final List<Map<String, Object>> values = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        final List<TrainingLogCursor> cursors = new CopyOnWriteArrayList<>();

        @Override
        public void logsShown(TrainingLogCursor cursor) {
            cursors.add(cursor);
        }

        @Override
        public void log(String line) {
            lines.add(line);
        }

        @Override
        public void jobStarted(String jobName) {
            jobNames.add(jobName);
        }

        @Override
        public void record(String section, String json) {
            reports.put(section, json);
        }

        @Override
        public void succeeded(Map<String, Object> value) {
            values.add(value);
        }

        @Override
        public void failed(Throwable cause) {
            failures.add(cause);
        }
    }
}
