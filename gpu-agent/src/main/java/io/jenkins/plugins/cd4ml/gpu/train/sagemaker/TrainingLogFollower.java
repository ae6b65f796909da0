package io.jenkins.plugins.cd4ml.gpu.train.sagemaker;

import io.jenkins.plugins.cd4ml.aws.AwsClients;
import io.jenkins.plugins.cd4ml.aws.AwsConnection;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Shows a SageMaker training job's container logs: SageMaker writes them to CloudWatch Logs, log
 * group {@value #LOG_GROUP}, one stream per instance and start named
 * {@code <job>/algo-<n>-<epoch seconds>} (a spot resume starts new streams). Each {@link #poll()}
 * lists the job's streams and reads what is new in each ({@code GetLogEvents} from the head, on
 * from the stored forward token until the token stops changing), printing every line prefixed
 * with its host, e.g. {@code [algo-1] epoch 3 loss=0.21}; {@link #drain()} does the same once more
 * after the job ended, with a larger budget, so its last lines are not lost.
 *
 * <p>Logs are a courtesy, never the verdict: work per poll is bounded ({@link Limits}) so a chatty
 * job cannot hold up status polling; a missing log group (no job in the account has logged yet)
 * is waited out silently; throttling and other errors give one notice per run and the next poll
 * tries again; access denied gives one notice and no further Logs calls. Nothing here throws.
 * Where it got to is a {@link TrainingLogCursor}, handed to {@link Output#advanced} after each
 * poll that moved, so a Jenkins step can persist it and resume after a restart without repeating
 * lines.
 */
public final class TrainingLogFollower {
    /** The log group SageMaker training containers write to. */
    public static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";
    private static final Pattern START_SUFFIX = Pattern.compile("-\\d+$");
    private static final int STREAMS_PER_PAGE = 50; // DescribeLogStreams' maximum
    /** Logs are a courtesy: two attempts, 10 s each, so a slow Logs endpoint delays status polling little. */
    private static final AwsConnection.RetryPolicy RETRY = new AwsConnection.RetryPolicy(2, Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(20));

    /**
     * How much one poll may do.
     *
     * @param eventsPerPage {@code GetLogEvents} {@code limit} (1–10 000)
     * @param pagesPerPoll requests per {@link #poll()} (stream listing included)
     * @param pagesPerDrain requests for the final {@link #drain()}
     */
    public record Limits(int eventsPerPage, int pagesPerPoll, int pagesPerDrain) implements Serializable {
        private static final long serialVersionUID = 1L;
        /** 1 000 events a page, 10 requests a poll, 200 for the final drain. */
        public static final Limits DEFAULT = new Limits(1000, 10, 200);

        /** Validates. */
        public Limits {
            if (eventsPerPage < 1 || eventsPerPage > 10_000 || pagesPerPoll < 2 || pagesPerDrain < pagesPerPoll) {
                throw new IllegalArgumentException("invalid log limits " + eventsPerPage + "/" + pagesPerPoll + "/"
                        + pagesPerDrain);
            }
        }
    }

    /** Where the lines go. */
    public interface Output {
        /** @param line one container log line, prefixed with its host, e.g. {@code [algo-1] epoch 3} */
        void line(String line);

        /** @param text a notice about the logs themselves (not shown, throttled, cut short) */
        void notice(String text);

        /** @param cursor where the follower got to; persist it to resume without repeating lines */
        default void advanced(TrainingLogCursor cursor) {
        }
    }

    private final CloudWatchLogsClient client;
    private final String jobName;
    private final Limits limits;
    private final Output output;
    private final Map<String, String> tokens;
    private long lines;
    private boolean warned;
    private int turn;
    private boolean denied;

    /**
     * @param client a CloudWatch Logs client (the caller closes it)
     * @param jobName the training job
     * @param from where an earlier follower of the same job got to, or {@link TrainingLogCursor#START}
     * @param limits work per poll
     * @param output where lines and notices go
     */
    public TrainingLogFollower(CloudWatchLogsClient client, String jobName, TrainingLogCursor from, Limits limits,
            Output output) {
        this.client = Objects.requireNonNull(client, "client");
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.output = Objects.requireNonNull(output, "output");
        this.tokens = new TreeMap<>(from.tokens());
        this.lines = from.lines();
    }

    /**
     * @param connection region and credentials (its endpoints and retry policy are not used: a Logs call is
     *     tried twice, 10 s at most each, so that it cannot hold up status polling for long)
     * @param endpoint a CloudWatch Logs endpoint override (VPC endpoints, tests), or empty
     * @return a client for {@link #TrainingLogFollower}; the caller closes it
     */
    public static CloudWatchLogsClient client(AwsConnection connection, Optional<URI> endpoint) {
        CloudWatchLogsClientBuilder builder = CloudWatchLogsClient.builder().region(connection.region())
                .credentialsProvider(connection.credentials())
                .overrideConfiguration(AwsClients.overrides(RETRY));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** @return where this follower got to */
    public synchronized TrainingLogCursor cursor() {
        return new TrainingLogCursor(tokens, lines);
    }

    /** Shows what is new, within {@link Limits#pagesPerPoll()} requests. */
    public synchronized void poll() {
        read(limits.pagesPerPoll(), false);
    }

    /** After the job ended: shows what is left, within {@link Limits#pagesPerDrain()} requests. */
    public synchronized void drain() {
        read(limits.pagesPerDrain(), true);
    }

    private void read(int budget, boolean last) {
        if (denied) {
            return;
        }
        TrainingLogCursor before = cursor();
        try {
            int left = budget - discover(budget / 2);
            List<String> streams = new ArrayList<>(tokens.keySet());
            // each poll starts one stream further on, so more streams than the budget still all get their turn
            Collections.rotate(streams, -(turn++ % Math.max(1, streams.size())));
            Set<String> pending = new LinkedHashSet<>(streams);
            // one page per stream in turn, so one chatty instance cannot hide the others
            while (!pending.isEmpty() && left > 0) {
                for (Iterator<String> it = pending.iterator(); it.hasNext() && left > 0; left--) {
                    if (!readPage(it.next())) {
                        it.remove();
                    }
                }
            }
            if (last && !pending.isEmpty()) {
                output.notice("container logs: shown up to " + budget + " pages after the job ended; the rest is in "
                        + "CloudWatch Logs " + LOG_GROUP + ", streams " + jobName + "/…");
            }
        } catch (ResourceNotFoundException e) {
            // the log group does not exist before the account's first training job logs: wait quietly
        } catch (SdkException e) {
            problem(e);
        } finally {
            TrainingLogCursor after = cursor();
            if (!after.equals(before)) {
                output.advanced(after);
            }
        }
    }

    /** Adds the job's streams not known yet; @return requests made */
    private int discover(int maxPages) {
        String next = null;
        int pages = 0;
        do {
            String token = next;
            DescribeLogStreamsResponse response = client.describeLogStreams(r -> r.logGroupName(LOG_GROUP)
                    .logStreamNamePrefix(jobName + "/").limit(STREAMS_PER_PAGE).nextToken(token));
            pages++;
            for (LogStream stream : response.logStreams()) {
                tokens.putIfAbsent(stream.logStreamName(), "");
            }
            next = response.nextToken();
        } while (next != null && !next.isEmpty() && pages < Math.max(1, maxPages));
        return pages;
    }

    /** Reads one page of a stream; @return whether the stream may have more (its token moved) */
    private boolean readPage(String stream) {
        String token = tokens.getOrDefault(stream, "");
        GetLogEventsRequest.Builder request = GetLogEventsRequest.builder().logGroupName(LOG_GROUP)
                .logStreamName(stream).startFromHead(true).limit(limits.eventsPerPage());
        if (!token.isEmpty()) {
            request.nextToken(token);
        }
        GetLogEventsResponse response;
        try {
            response = client.getLogEvents(request.build());
        } catch (ResourceNotFoundException e) {
            return false; // the stream went away (retention): nothing more to read from it
        }
        String host = host(stream);
        for (OutputLogEvent event : response.events()) {
            for (String line : splitLines(event.message())) {
                output.line("[" + host + "] " + line);
                lines++;
            }
        }
        String next = response.nextForwardToken();
        if (next == null || next.isEmpty() || next.equals(token)) {
            return false; // CloudWatch Logs answers the same token when nothing is new
        }
        tokens.put(stream, next);
        return true;
    }

    private void problem(SdkException e) {
        if (e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
            Thread.currentThread().interrupt(); // the watch is being interrupted; its sleep reports it
            return;
        }
        String reason = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage()
                : e.getMessage();
        if (e instanceof AwsServiceException service && (service.statusCode() == 403
                || "AccessDeniedException".equals(errorCode(service)))) {
            denied = true;
            output.notice("container logs not shown: " + reason + " (the identity needs logs:DescribeLogStreams and "
                    + "logs:GetLogEvents on " + LOG_GROUP + "); the job's own outcome decides");
        } else if (!warned) {
            warned = true;
            output.notice("container logs: " + reason + "; still watching the job, lines may show late");
        }
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
    }

    /** {@code job/algo-1-1767225600} → {@code algo-1} */
    private String host(String stream) {
        String name = stream.startsWith(jobName + "/") ? stream.substring(jobName.length() + 1) : stream;
        return START_SUFFIX.matcher(name).replaceFirst("");
    }

    /** An event's message without its trailing newline; a multi-line event gives several lines. */
    private static List<String> splitLines(String message) {
        String text = message == null ? "" : message;
        while (text.endsWith("\n") || text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        return List.of(text.split("\\r?\\n", -1));
    }
}
