package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.aws.AwsClients;
import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import io.jenkins.plugins.cd4ml.fake.FakeCloudWatchLogs;
import io.jenkins.plugins.cd4ml.fake.FakeSageMaker;
import io.jenkins.plugins.cd4ml.fake.FakeTrainingJobs;
import io.jenkins.plugins.cd4ml.fake.FakeTrainingJobs.Lifecycle;
import io.jenkins.plugins.cd4ml.fake.Fault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Container logs of a SageMaker training job into the build, against the loopback SageMaker and
 * CloudWatch Logs fakes, through the real SDK clients: the expected lines are what the fake's
 * containers wrote, read back from the fake.
 */
class TrainingLogFollowerTest {
    private static final String GROUP = TrainingLogFollower.LOG_GROUP;
    private static final PollPolicy POLICY = new PollPolicy(Duration.ofSeconds(5), Duration.ofSeconds(60), 2.0, 4,
            Duration.ofMinutes(15));
    private static final TrainingLogFollower.Limits SMALL_PAGES = new TrainingLogFollower.Limits(2, 6, 200);

    private FakeSageMaker fake;
    private FakeTrainingJobs jobs;
    private FakeCloudWatchLogs logs;
    private SageMakerClient sageMaker;
    private CloudWatchLogsClient cloudWatchLogs;
    private final Recorder output = new Recorder();
    private final List<String> status = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFakes() throws Exception {
        fake = FakeSageMaker.start();
        logs = FakeCloudWatchLogs.start();
        jobs = FakeTrainingJobs.installOn(fake).logTo(logs, 3);
        AwsConnection connection = new AwsConnection(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKE", "not-a-secret")),
                Optional.of(fake.endpoint()), Optional.empty(), new AwsConnection.RetryPolicy(2, Duration.ofMillis(1),
                        Duration.ofMillis(5), Duration.ofSeconds(2), Duration.ofSeconds(10)));
        sageMaker = AwsClients.sageMaker(connection);
        cloudWatchLogs = TrainingLogFollower.client(connection, Optional.of(logs.endpoint()));
    }

    @AfterEach
    void stopFakes() {
        sageMaker.close();
        cloudWatchLogs.close();
        fake.close();
        logs.close();
    }

    private TrainingJobRun start(TrainingJobSpec spec, String identity) throws Exception {
        return new SageMakerTrainer(sageMaker, POLICY, d -> { }, Clock.systemUTC())
                .start(spec, ImageAllowlist.ANY, identity, status::add);
    }

    private TrainingLogFollower follower(String jobName, TrainingLogCursor from, TrainingLogFollower.Limits limits) {
        return new TrainingLogFollower(cloudWatchLogs, jobName, from, limits, output);
    }

    /** What the fake's containers wrote, as the build should show it: per stream, "[host] message". */
    private Map<String, List<String>> written(String jobName) {
        Map<String, List<String>> expected = new java.util.TreeMap<>();
        logs.streams(GROUP).forEach((stream, messages) -> {
            String host = stream.substring(jobName.length() + 1).replaceFirst("-\\d+$", "");
            expected.put(stream, messages.stream().map(m -> "[" + host + "] " + m).toList());
        });
        return expected;
    }

    @Test
    void spotJobsLinesArriveOnceInOrderFromBothStreamsWithTheLastLinesDrained() throws Exception {
        jobs.nextJob(Lifecycle.completes(3600, 1200, Map.of()).interruptedOnce());
        TrainingJobRun run = start(SageMakerTrainerTest.spotSpec().build(), "jobs/churn#1");

        SageMakerTrainingResult result = run.await(status::add, follower(run.jobName(), TrainingLogCursor.START,
                SMALL_PAGES));

        assertThat(result.succeeded()).isTrue();
        Map<String, List<String>> written = written(run.jobName());
        assertThat(written).as("a spot resume starts a second stream").hasSize(2);
        List<String> all = written.values().stream().flatMap(List::stream).toList();
        assertThat(output.lines).as("every line once").containsExactlyInAnyOrderElementsOf(all);
        written.values().forEach(stream -> assertThat(output.lines).containsSubsequence(stream));
        assertThat(output.lines).first().isEqualTo("[algo-1] Invoking script with the following command: train");
        assertThat(output.lines).as("written with the Completed status: only the final drain shows it")
                .last().isEqualTo("[algo-1] Reporting training SUCCESS");
        assertThat(output.lines).contains("[algo-1] Restoring checkpoint from /opt/ml/checkpoints, resuming at epoch 4");
        assertThat(output.notices).as("the log group did not exist while the job was starting: not worth a word")
                .isEmpty();
        assertThat(output.last.lines()).isEqualTo(all.size());
        assertThat(output.last.tokens()).containsOnlyKeys(written.keySet());
    }

    @Test
    void everyInstanceHasItsOwnHostPrefix() throws Exception {
        jobs.nextJob(Lifecycle.completes(600, 600, Map.of()));
        TrainingJobRun run = start(SageMakerTrainerTest.spotSpec().instances("ml.g5.12xlarge", 2).build(),
                "jobs/churn#2");

        run.await(status::add, follower(run.jobName(), TrainingLogCursor.START, TrainingLogFollower.Limits.DEFAULT));

        Map<String, List<String>> written = written(run.jobName());
        assertThat(written.keySet()).hasSize(2).allMatch(s -> s.matches(run.jobName() + "/algo-[12]-\\d+"));
        written.values().forEach(stream -> assertThat(output.lines).containsSubsequence(stream));
        assertThat(output.lines).hasSize(written.values().stream().mapToInt(List::size).sum())
                .contains("[algo-2] epoch 3 loss=0.2500");
    }

    @Test
    void aChattyJobIsReadInBoundedPollsWithoutRepeatsAndEveryStreamGetsItsTurn() throws Exception {
        for (int i = 1; i <= 40; i++) {
            logs.append(GROUP, "chatty/algo-1-1767225600", "one " + i);
            logs.append(GROUP, "chatty/algo-2-1767225600", "two " + i);
        }
        logs.append(GROUP, "chatty-other-job/algo-1-1767225600", "not ours");
        TrainingLogFollower follower = follower("chatty", TrainingLogCursor.START,
                new TrainingLogFollower.Limits(5, 4, 100));

        follower.poll();

        assertThat(logs.requestCount()).as("one listing and three pages").isEqualTo(4);
        assertThat(output.lines).containsExactly("[algo-1] one 1", "[algo-1] one 2", "[algo-1] one 3",
                "[algo-1] one 4", "[algo-1] one 5", "[algo-2] two 1", "[algo-2] two 2", "[algo-2] two 3",
                "[algo-2] two 4", "[algo-2] two 5", "[algo-1] one 6", "[algo-1] one 7", "[algo-1] one 8",
                "[algo-1] one 9", "[algo-1] one 10");
        for (int poll = 0; poll < 3; poll++) {
            follower.poll();
        }
        assertThat(logs.requestCount()).isEqualTo(16);
        follower.drain();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            expected.add("[algo-1] one " + i);
            expected.add("[algo-2] two " + i);
        }
        assertThat(output.lines).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(output.lines).filteredOn(l -> l.startsWith("[algo-1]")).isSortedAccordingTo(
                java.util.Comparator.comparingInt(l -> Integer.parseInt(l.substring(l.lastIndexOf(' ') + 1))));
        assertThat(output.notices).isEmpty();
    }

    @Test
    void moreStreamsThanOnePollMayReadStillAllGetTheirTurn() throws Exception {
        for (int host = 1; host <= 6; host++) {
            logs.append(GROUP, "wide/algo-" + host + "-1767225600", "hello from " + host);
        }
        TrainingLogFollower follower = follower("wide", TrainingLogCursor.START, new TrainingLogFollower.Limits(10, 3, 50));

        for (int poll = 0; poll < 6; poll++) {
            follower.poll();
        }

        assertThat(output.lines).containsExactlyInAnyOrder("[algo-1] hello from 1", "[algo-2] hello from 2",
                "[algo-3] hello from 3", "[algo-4] hello from 4", "[algo-5] hello from 5", "[algo-6] hello from 6");
    }

    @Test
    void aDrainThatRunsOutOfBudgetSaysWhereTheRestIs() throws Exception {
        for (int i = 1; i <= 30; i++) {
            logs.append(GROUP, "long/algo-1-1767225600", "line " + i);
        }

        follower("long", TrainingLogCursor.START, new TrainingLogFollower.Limits(2, 2, 5)).drain();

        assertThat(output.lines).hasSize(8);
        assertThat(output.notices).singleElement().asString()
                .contains("the rest is in CloudWatch Logs /aws/sagemaker/TrainingJobs, streams long/");
    }

    @Test
    void multiLineEventsBecomeOneBuildLineEach() throws Exception {
        logs.append(GROUP, "ml/algo-1-1767225600", "Traceback (most recent call last):\n  File \"train.py\"\r\n",
                "done\n");

        follower("ml", TrainingLogCursor.START, TrainingLogFollower.Limits.DEFAULT).poll();

        assertThat(output.lines).containsExactly("[algo-1] Traceback (most recent call last):",
                "[algo-1]   File \"train.py\"", "[algo-1] done");
    }

    @Test
    void throttlingGivesOneNoticeWhileTheJobIsWatchedToItsEndAndNoLineIsLost() throws Exception {
        jobs.nextJob(Lifecycle.completes(3600, 1200, Map.of()).interruptedOnce());
        for (int i = 0; i < 2; i++) { // the client tries twice per call: two throttles fail one call
            logs.failNext("GetLogEvents", Fault.throttle());
        }
        for (int i = 0; i < 4; i++) {
            logs.failNext("DescribeLogStreams", Fault.serverError());
        }
        TrainingJobRun run = start(SageMakerTrainerTest.spotSpec().build(), "jobs/churn#3");

        SageMakerTrainingResult result = run.await(status::add, follower(run.jobName(), TrainingLogCursor.START,
                SMALL_PAGES));

        assertThat(result.succeeded()).isTrue();
        assertThat(output.notices).singleElement().asString().startsWith("container logs: ")
                .contains("still watching the job").doesNotContain("not-a-secret");
        List<String> all = written(run.jobName()).values().stream().flatMap(List::stream).toList();
        assertThat(output.lines).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void accessDeniedGivesOneNoticeAndNoMoreLogsCalls() throws Exception {
        logs.denyAll();
        jobs.nextJob(Lifecycle.completes(600, 600, Map.of()));
        TrainingJobRun run = start(SageMakerTrainerTest.spotSpec().build(), "jobs/churn#4");

        SageMakerTrainingResult result = run.await(status::add, follower(run.jobName(), TrainingLogCursor.START,
                TrainingLogFollower.Limits.DEFAULT));

        assertThat(result.succeeded()).isTrue();
        assertThat(logs.requestCount()).isEqualTo(1);
        assertThat(output.notices).singleElement().asString().startsWith("container logs not shown: AccessDeniedException")
                .contains("logs:DescribeLogStreams and logs:GetLogEvents");
        assertThat(output.lines).isEmpty();
    }

    @Test
    void aFollowerResumedFromThePersistedCursorShowsOnlyWhatIsNew() throws Exception {
        logs.append(GROUP, "resume/algo-1-1767225600", "a", "b", "c");
        TrainingLogFollower before = follower("resume", TrainingLogCursor.START, TrainingLogFollower.Limits.DEFAULT);
        before.poll();
        TrainingLogCursor persisted = roundTrip(output.last);
        logs.append(GROUP, "resume/algo-1-1767225600", "d");
        logs.append(GROUP, "resume/algo-1-1767229200", "e"); // the job resumed on new capacity meanwhile
        Recorder afterRestart = new Recorder();

        new TrainingLogFollower(cloudWatchLogs, "resume", persisted, TrainingLogFollower.Limits.DEFAULT, afterRestart)
                .poll();

        assertThat(output.lines).containsExactly("[algo-1] a", "[algo-1] b", "[algo-1] c");
        assertThat(afterRestart.lines).containsExactly("[algo-1] d", "[algo-1] e");
        assertThat(afterRestart.last.lines()).isEqualTo(5);
    }

    @Test
    void noFollowerNoLogsRequests() throws Exception {
        jobs.nextJob(Lifecycle.completes(600, 600, Map.of()));
        TrainingJobRun run = start(SageMakerTrainerTest.spotSpec().build(), "jobs/churn#5");

        assertThat(run.await(status::add).succeeded()).isTrue();

        assertThat(logs.streams(GROUP)).isNotEmpty();
        assertThat(logs.requestCount()).isZero();
    }

    private static TrainingLogCursor roundTrip(TrainingLogCursor cursor) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(cursor);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (TrainingLogCursor) in.readObject();
        }
    }

    /** Records what the follower shows. */
    private static final class Recorder implements TrainingLogFollower.Output {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> notices = new CopyOnWriteArrayList<>();
        volatile TrainingLogCursor last = TrainingLogCursor.START;

        @Override
        public void line(String line) {
            lines.add(line);
        }

        @Override
        public void notice(String text) {
            notices.add(text);
        }

        @Override
        public void advanced(TrainingLogCursor cursor) {
            last = cursor;
        }
    }
}
