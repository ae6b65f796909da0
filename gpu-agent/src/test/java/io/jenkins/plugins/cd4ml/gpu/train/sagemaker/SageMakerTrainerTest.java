package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.aws.AwsClients;
import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import io.jenkins.plugins.cd4ml.deploy.Sleeper;
import io.jenkins.plugins.cd4ml.fake.FakeSageMaker;
import io.jenkins.plugins.cd4ml.fake.FakeTrainingJobs;
import io.jenkins.plugins.cd4ml.fake.FakeTrainingJobs.Lifecycle;
import io.jenkins.plugins.cd4ml.fake.Fault;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The SageMaker training engine against the loopback SageMaker fake, through the real SDK client. */
class SageMakerTrainerTest {
    static final String DIGEST = "sha256:" + "ab".repeat(32);
    static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-train@" + DIGEST;
    private static final PollPolicy FAST = new PollPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60), 2.0, 4,
            Duration.ofMinutes(15));

    private FakeSageMaker fake;
    private FakeTrainingJobs jobs;
    private SageMakerClient client;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFake() throws Exception {
        fake = FakeSageMaker.start();
        jobs = FakeTrainingJobs.installOn(fake);
        client = AwsClients.sageMaker(new AwsConnection(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", "not-a-secret")),
                Optional.of(fake.endpoint()), Optional.empty(), new AwsConnection.RetryPolicy(3, Duration.ofMillis(1),
                        Duration.ofMillis(5), Duration.ofSeconds(2), Duration.ofSeconds(10))));
    }

    @AfterEach
    void stopFake() {
        client.close();
        fake.close();
    }

    static TrainingJobSpec.Builder spotSpec() {
        return TrainingJobSpec.builder().image(IMAGE).roleArn("arn:aws:iam::123456789012:role/SageMakerTraining")
                .instances("ml.g5.xlarge", 1).volumeSizeGb(50).hyperparameter("epochs", "10")
                .hyperparameter("lr", "0.001").channel("train", "s3://ml-data/churn/train")
                .channel("validation", "s3://ml-data/churn/validation").outputS3Uri("s3://ml-models/churn")
                .checkpoint("s3://ml-checkpoints/churn", "").maxRuntime(Duration.ofHours(2))
                .maxWait(Duration.ofHours(4)).managedSpot(true);
    }

    private SageMakerTrainer trainer(Sleeper sleeper) {
        return new SageMakerTrainer(client, FAST, sleeper, Clock.systemUTC());
    }

    private SageMakerTrainer trainer() {
        return trainer(sleeps::add);
    }

    @Test
    void spotJobCompletesWithMetricsAndSavings() throws Exception {
        jobs.nextJob(Lifecycle.completes(3600, 1260, Map.of("validation:accuracy", 0.93, "train:loss", 0.21)));

        TrainingJobRun run = trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#42", log::add);
        SageMakerTrainingResult result = run.await(log::add);

        assertThat(run.adopted()).isFalse();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.jobName()).isEqualTo(run.jobName()).startsWith("jobs-churn-42-");
        assertThat(result.trainingSeconds()).isEqualTo(3600);
        assertThat(result.billableSeconds()).isEqualTo(1260);
        assertThat(result.savingsPercent()).hasValueCloseTo(100.0 * (1 - 1260.0 / 3600.0), within(1e-9));
        assertThat(result.metrics()).containsOnlyKeys("validation:accuracy", "train:loss");
        assertThat(result.metrics().get("validation:accuracy")).isCloseTo(0.93, within(1e-6));
        assertThat(result.modelArtifacts()).isEqualTo("s3://ml-models/churn/" + run.jobName() + "/output/model.tar.gz");
        assertThat(result.interruptions()).isZero();
        assertThat(result.transitions()).extracting(StatusTransition::status)
                .containsExactly("Starting", "Downloading", "Training", "Uploading", "Completed");
        assertThat(log).anyMatch(l -> l.contains(": Downloading: Downloading input data"))
                .anyMatch(l -> l.contains(": Uploading"));

        JsonNode sent = fake.requests("CreateTrainingJob").get(0);
        assertThat(sent.path("EnableManagedSpotTraining").asBoolean()).isTrue();
        assertThat(sent.path("StoppingCondition").path("MaxRuntimeInSeconds").asInt()).isEqualTo(7200);
        assertThat(sent.path("StoppingCondition").path("MaxWaitTimeInSeconds").asInt()).isEqualTo(14400);
        assertThat(sent.path("CheckpointConfig").path("S3Uri").asText()).isEqualTo("s3://ml-checkpoints/churn");
        assertThat(sent.path("CheckpointConfig").path("LocalPath").asText()).isEqualTo("/opt/ml/checkpoints");
        assertThat(sent.path("HyperParameters").path("epochs").asText()).isEqualTo("10");
        assertThat(sent.path("InputDataConfig")).hasSize(2);
        assertThat(sent.path("AlgorithmSpecification").path("TrainingImage").asText()).isEqualTo(IMAGE);
        assertThat(SageMakerTrainingReport.toText(result)).anyMatch(l -> l.contains("spot savings 65.0 %"));
        JsonNode report = SageMakerTrainingReport.toJson(result);
        assertThat(report.path("schemaVersion").asText()).isNotEmpty();
        assertThat(report.path("savingsPercent").asDouble()).isCloseTo(result.savingsPercent().getAsDouble(), within(1e-12));
    }

    @Test
    void spotInterruptionIsVisibleAndTrainingResumesFromTheCheckpoint() throws Exception {
        jobs.nextJob(Lifecycle.completes(5400, 2100, Map.of("validation:accuracy", 0.91)).interruptedOnce());

        SageMakerTrainingResult result = trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#43",
                log::add).await(log::add);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.interruptions()).isEqualTo(1);
        assertThat(result.transitions()).extracting(StatusTransition::status).containsExactly("Starting",
                "Downloading", "Training", "Interrupted", "Starting", "Downloading", "Training", "Uploading", "Completed");
        int interrupted = indexOf(log, "spot capacity was reclaimed");
        int resumed = indexOf(log, "resumed training from checkpoint s3://ml-checkpoints/churn");
        assertThat(interrupted).isNotNegative();
        assertThat(resumed).isGreaterThan(interrupted);
        assertThat(SageMakerTrainingReport.toText(result)).anyMatch(l -> l.contains("1 spot interruption(s)"));
    }

    @Test
    void failedJobCarriesSageMakersReason() throws Exception {
        String reason = "AlgorithmError: ExecuteUserScriptError: CUDA out of memory";
        jobs.nextJob(Lifecycle.fails(reason));

        SageMakerTrainingResult result = trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#44",
                log::add).await(log::add);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.status()).isEqualTo("Failed");
        assertThat(result.failureReason()).isEqualTo(reason);
        assertThat(SageMakerTrainingReport.failure(result)).contains("Failed", reason);
    }

    @Test
    void abortSignalledTwiceStopsTheJobExactlyOnceAndWaitsForStopped() throws Exception {
        jobs.nextJob(Lifecycle.runsUntilStopped());
        List<Boolean> sent = new ArrayList<>();
        TrainingJobRun[] run = new TrainingJobRun[1];
        Sleeper abortOnThirdPoll = delay -> {
            sleeps.add(delay);
            if (sleeps.size() == 3) {
                try {
                    sent.add(run[0].requestStop(log::add));
                    sent.add(run[0].requestStop(log::add)); // the user clicks abort again
                } catch (TrainingJobException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        run[0] = trainer(abortOnThirdPoll).start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#45", log::add);

        SageMakerTrainingResult result = run[0].await(log::add);

        assertThat(sent).containsExactly(true, false);
        assertThat(fake.requests("StopTrainingJob")).hasSize(1);
        assertThat(result.status()).isEqualTo("Stopped");
        assertThat(result.stopRequested()).isTrue();
        assertThat(result.transitions()).extracting(StatusTransition::status).endsWith("Stopping", "Stopped");
        assertThat(run[0].requestStop(log::add)).isFalse();
        assertThat(fake.requests("StopTrainingJob")).hasSize(1);
    }

    @Test
    void lostCreateResponseAdoptsTheJobTheRetryFinds() throws Exception {
        fake.failNext("CreateTrainingJob", Fault.dropResponse());

        TrainingJobRun run = trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#46", log::add);

        assertThat(fake.requests("CreateTrainingJob")).hasSize(2); // the SDK retried the lost response
        assertThat(jobs.jobCount()).isEqualTo(1);
        assertThat(run.adopted()).isTrue();
        assertThat(run.await(log::add).succeeded()).isTrue();
    }

    @Test
    void throttledCreateIsRetriedIntoOneJob() throws Exception {
        fake.failNext("CreateTrainingJob", Fault.throttle());
        fake.failNext("CreateTrainingJob", Fault.serverError());

        TrainingJobRun run = trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#54", log::add);

        assertThat(fake.requests("CreateTrainingJob")).hasSize(3);
        assertThat(jobs.jobNames()).containsExactly(run.jobName());
        assertThat(run.adopted()).isFalse();
    }

    @Test
    void aDifferentJobUnderTheSameNameIsNotAdopted() throws Exception {
        String name = TrainingJobNames.of("jobs/churn#55", spotSpec().build());
        client.createTrainingJob(TrainingJobRequests.create(name, spotSpec()
                .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/other@" + DIGEST).build()));

        assertThatThrownBy(() -> trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#55", log::add))
                .isInstanceOf(TrainingJobException.class).hasMessageContaining("refusing to adopt");
        assertThat(fake.requests("CreateTrainingJob")).hasSize(1);
    }

    @Test
    void startingAgainWithTheSameIdentityAndSpecNeverCreatesASecondJob() throws Exception {
        TrainingJobRun first = trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#47", log::add);
        TrainingJobRun again = trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#47", log::add);
        TrainingJobRun otherBuild = trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#48", log::add);
        TrainingJobRun otherSpec = trainer().start(spotSpec().hyperparameter("epochs", "20").build(),
                ImageAllowlist.ANY, "jobs/churn#47", log::add);

        assertThat(again.jobName()).isEqualTo(first.jobName());
        assertThat(again.adopted()).isTrue();
        assertThat(otherBuild.jobName()).isNotEqualTo(first.jobName());
        assertThat(otherSpec.jobName()).isNotEqualTo(first.jobName());
        assertThat(fake.requests("CreateTrainingJob")).hasSize(3);
        assertThat(jobs.jobCount()).isEqualTo(3);
    }

    @Test
    void afterARestartAttachingWatchesTheSameJob() throws Exception {
        String name = trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#49", log::add).jobName();

        SageMakerTrainingResult result = trainer().attach(name).await(log::add);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.adopted()).isTrue();
        assertThat(fake.requests("CreateTrainingJob")).hasSize(1);
    }

    @Test
    void throttlingIsWaitedOutWithBoundedBackoff() throws Exception {
        TrainingJobRun run = trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#50", log::add);
        for (int i = 0; i < 6; i++) { // 2 polls' worth: each poll is 3 SDK attempts
            fake.failNext("DescribeTrainingJob", Fault.throttle());
        }

        SageMakerTrainingResult result = run.await(log::add);

        assertThat(result.succeeded()).isTrue();
        assertThat(log).filteredOn(l -> l.contains("ThrottlingException")).hasSize(2);
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isBetween(FAST.initialDelay(), FAST.maxDelay()));
        assertThat(sleeps.subList(0, 2)).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @Test
    void endlessThrottlingIsAnErrorNotAVerdict() throws Exception {
        TrainingJobRun run = trainer().start(spotSpec().build(), ImageAllowlist.ANY, "jobs/churn#51", log::add);
        for (int i = 0; i < 3 * (FAST.maxConsecutiveErrors() + 1); i++) {
            fake.failNext("DescribeTrainingJob", Fault.throttle());
        }

        assertThatThrownBy(() -> run.await(log::add)).isInstanceOf(TrainingJobException.class)
                .hasMessageContaining("ThrottlingException").hasMessageContaining("5 times in a row");
        assertThat(sleeps).hasSize(FAST.maxConsecutiveErrors());
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(FAST.maxDelay()));
    }

    @Test
    void quietPollsBackOffUpToTheBound() {
        Duration delay = FAST.initialDelay();
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            delays.add(delay);
            delay = FAST.next(delay);
        }
        assertThat(delays).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(40), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    @Test
    void imageOutsideTheAllowlistIsRefusedBeforeAnythingIsSent() {
        ImageAllowlist allowlist = new ImageAllowlist(List.of("sha256:" + "cd".repeat(32)));

        assertThatThrownBy(() -> trainer().start(spotSpec().build(), allowlist, "jobs/churn#52", log::add))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not in the image allowlist");
        assertThatThrownBy(() -> trainer().start(spotSpec().image("123456789012.dkr.ecr.us-east-1.amazonaws.com/t:latest")
                .build(), allowlist, "jobs/churn#52", log::add))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not pinned by digest");
        assertThat(fake.requests("DescribeTrainingJob")).isEmpty();
        assertThat(fake.requests("CreateTrainingJob")).isEmpty();
    }

    @Test
    void invalidSpecIsRefusedBeforeAnythingIsSent() {
        TrainingJobSpec bad = spotSpec().maxWait(Duration.ofHours(1)).build();

        assertThatThrownBy(() -> trainer().start(bad, ImageAllowlist.ANY, "jobs/churn#53", log::add))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("maxWaitSeconds: must be at least maxRuntimeSeconds (7200)");
        assertThat(fake.requests("CreateTrainingJob")).isEmpty();
    }

    @Test
    void theFakeRefusesWhatSageMakerRefuses() {
        // bypasses cd4ml's validation: the fake itself must hold SageMaker's rule
        jobs.nextJob(Lifecycle.completes(1, 1, Map.of()));
        assertThatThrownBy(() -> client.createTrainingJob(TrainingJobRequests.create("spot-without-wait",
                spotSpec().maxWait(null).build())))
                .hasMessageContaining("MaxWaitTimeInSeconds");
        assertThat(jobs.jobCount()).isZero();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
