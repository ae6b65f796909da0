package io.jenkins.plugins.cd4ml.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * An in-process Amazon CloudWatch Logs speaking the real wire protocol (AWS JSON 1.1:
 * {@code POST /}, {@code X-Amz-Target: Logs_20140328.<Operation>}, errors as
 * {@code {"__type", "message"}}) on 127.0.0.1, for the AWS SDK v2 {@code CloudWatchLogsClient}
 * with an endpoint override.
 *
 * <p>Implements what a log follower reads: {@code DescribeLogStreams} (name prefix, ordered by
 * name, {@code limit} and {@code nextToken} paging) and {@code GetLogEvents} from the head with
 * forward tokens ({@code f/<56 digits>}; the same token comes back when nothing is new, as in
 * CloudWatch Logs). A log group exists once a stream is added to it; before that both operations
 * answer {@code ResourceNotFoundException}. {@link FakeTrainingJobs#logTo} makes training jobs
 * write their container logs here. Faults: {@link #failNext} ({@code ThrottlingException},
 * {@code ServiceUnavailableException}) and {@link #denyAll} ({@code AccessDeniedException}).
 */
public final class FakeCloudWatchLogs implements AutoCloseable {
    private static final String JSON = "application/x-amz-json-1.1";
    private static final String TARGET = "Logs_20140328.";
    private static final double EPOCH_MILLIS = 1_767_225_600_000.0;

    private final ObjectMapper mapper = new ObjectMapper();
    private final LoopbackServer server;
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> requests = new ConcurrentHashMap<>();
    private volatile boolean denied;
    // group → stream → messages, guarded by this
    private final Map<String, Map<String, List<String>>> groups = new TreeMap<>();

    private FakeCloudWatchLogs() throws IOException {
        server = new LoopbackServer(this::serve);
    }

    /**
     * @return a started fake
     * @throws IOException if no loopback port is free
     */
    public static FakeCloudWatchLogs start() throws IOException {
        return new FakeCloudWatchLogs();
    }

    /** @return the endpoint to pass to {@code endpointOverride} */
    public URI endpoint() {
        return server.endpoint();
    }

    /**
     * Appends events to a stream, creating the group and the stream when new.
     *
     * @param group the log group
     * @param stream the log stream
     * @param messages one event each
     */
    public synchronized void append(String group, String stream, String... messages) {
        groups.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(stream, s -> new ArrayList<>())
                .addAll(List.of(messages));
    }

    /**
     * @param group a log group
     * @return its streams and their messages, streams by name
     */
    public synchronized Map<String, List<String>> streams(String group) {
        Map<String, List<String>> copy = new TreeMap<>();
        groups.getOrDefault(group, Map.of()).forEach((stream, messages) -> copy.put(stream, List.copyOf(messages)));
        return copy;
    }

    /**
     * @param operation {@code DescribeLogStreams} or {@code GetLogEvents}
     * @param fault what goes wrong with its next request (queued; one fault per request)
     */
    public void failNext(String operation, Fault fault) {
        faults.computeIfAbsent(operation, o -> new ConcurrentLinkedDeque<>()).add(fault);
    }

    /** From now on every request is refused with {@code AccessDeniedException} (no IAM permission). */
    public void denyAll() {
        denied = true;
    }

    /**
     * @param operation an operation name
     * @return the request bodies received for it, oldest first (including failed ones)
     */
    public List<JsonNode> requests(String operation) {
        synchronized (requests) {
            return List.copyOf(requests.getOrDefault(operation, List.of()));
        }
    }

    /** @return how many requests of any operation were received */
    public int requestCount() {
        synchronized (requests) {
            return requests.values().stream().mapToInt(List::size).sum();
        }
    }

    @Override
    public void close() {
        server.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET)
                || contentType == null || !contentType.startsWith(JSON)) {
            error(exchange, 400, "UnknownOperationException", "expected POST " + JSON + " with X-Amz-Target: "
                    + TARGET + "*");
            return;
        }
        String operation = target.substring(TARGET.length());
        JsonNode request = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        synchronized (requests) {
            requests.computeIfAbsent(operation, o -> new ArrayList<>()).add(request);
        }
        if (denied) {
            error(exchange, 400, "AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/trainer/cd4ml "
                    + "is not authorized to perform: logs:" + operation + " on resource: arn:aws:logs:us-east-1:"
                    + "123456789012:log-group:/aws/sagemaker/TrainingJobs:log-stream: because no identity-based "
                    + "policy allows the logs:" + operation + " action");
            return;
        }
        Deque<Fault> queue = faults.get(operation);
        Fault fault = queue == null ? null : queue.poll();
        if (fault != null && fault.kind() == Fault.Kind.THROTTLE) {
            error(exchange, 400, "ThrottlingException", "Rate exceeded");
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.SERVER_ERROR) {
            error(exchange, 500, "ServiceUnavailableException", "The service cannot complete the request.");
            return;
        }
        JsonNode response;
        try {
            response = switch (operation) {
                case "DescribeLogStreams" -> describeLogStreams(request);
                case "GetLogEvents" -> getLogEvents(request);
                default -> throw new FakeSageMaker.AwsError(400, "UnknownOperationException",
                        "the fake does not implement " + operation);
            };
        } catch (FakeSageMaker.AwsError e) {
            error(exchange, e.status(), e.type(), e.getMessage());
            return;
        }
        LoopbackServer.respond(exchange, 200, JSON, mapper.writeValueAsBytes(response));
    }

    private synchronized JsonNode describeLogStreams(JsonNode request) throws FakeSageMaker.AwsError {
        Map<String, List<String>> streams = group(request);
        if (request.has("orderBy") && !"LogStreamName".equals(request.get("orderBy").asText())
                && request.has("logStreamNamePrefix")) {
            throw invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        int limit = request.path("limit").asInt(50);
        if (limit < 1 || limit > 50) {
            throw invalid("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy "
                    + "constraint: Member must have value less than or equal to 50");
        }
        String prefix = request.path("logStreamNamePrefix").asText("");
        List<String> names = streams.keySet().stream().filter(name -> name.startsWith(prefix)).toList();
        int start = request.has("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
        ObjectNode response = mapper.createObjectNode();
        ArrayNode page = response.putArray("logStreams");
        names.stream().skip(start).limit(limit).forEach(name -> page.addObject().put("logStreamName", name)
                .put("creationTime", (long) EPOCH_MILLIS).put("storedBytes", 0)
                .put("arn", "arn:aws:logs:us-east-1:123456789012:log-group:" + request.path("logGroupName").asText()
                        + ":log-stream:" + name));
        if (start + limit < names.size()) {
            response.put("nextToken", Integer.toString(start + limit));
        }
        return response;
    }

    private synchronized JsonNode getLogEvents(JsonNode request) throws FakeSageMaker.AwsError {
        Map<String, List<String>> streams = group(request);
        List<String> events = streams.get(request.path("logStreamName").asText(""));
        if (events == null) {
            throw new FakeSageMaker.AwsError(400, "ResourceNotFoundException", "The specified log stream does not exist.");
        }
        if (!request.path("startFromHead").asBoolean(false) && !request.has("nextToken")) {
            throw invalid("the fake reads from the head only: set startFromHead");
        }
        int limit = request.path("limit").asInt(10_000);
        if (limit < 1 || limit > 10_000) {
            throw invalid("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint");
        }
        int start = request.has("nextToken") ? position(request.get("nextToken").asText()) : 0;
        int end = Math.min(events.size(), start + limit);
        ObjectNode response = mapper.createObjectNode();
        ArrayNode page = response.putArray("events");
        for (int i = start; i < end; i++) {
            page.addObject().put("timestamp", (long) EPOCH_MILLIS + i * 1000L).put("message", events.get(i))
                    .put("ingestionTime", (long) EPOCH_MILLIS + i * 1000L + 200);
        }
        // at the end of the stream the token does not move: the reader's sign to stop
        response.put("nextForwardToken", "f/" + String.format("%056d", end));
        response.put("nextBackwardToken", "b/" + String.format("%056d", start));
        return response;
    }

    private Map<String, List<String>> group(JsonNode request) throws FakeSageMaker.AwsError {
        Map<String, List<String>> streams = groups.get(request.path("logGroupName").asText(""));
        if (streams == null) {
            throw new FakeSageMaker.AwsError(400, "ResourceNotFoundException", "The specified log group does not exist.");
        }
        return streams;
    }

    private static int position(String token) throws FakeSageMaker.AwsError {
        if (!token.matches("f/\\d{56}")) {
            throw invalid("The specified nextToken is invalid.");
        }
        return Integer.parseInt(token.substring(2));
    }

    private static FakeSageMaker.AwsError invalid(String message) {
        return new FakeSageMaker.AwsError(400, "InvalidParameterException", message);
    }

    private void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = mapper.createObjectNode().put("__type", type).put("message", message);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        LoopbackServer.respond(exchange, status, JSON, mapper.writeValueAsBytes(body));
    }
}
