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
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Pattern;

/**
 * An in-process SageMaker speaking the real wire protocol (AWS JSON 1.1: {@code POST /},
 * {@code X-Amz-Target: SageMaker.<Operation>}, errors as {@code {"__type", "message"}}) on
 * 127.0.0.1, for the AWS SDK v2 client with an endpoint override.
 *
 * <p>Implements the Model Registry operations (model package groups, versioned model packages
 * with {@code ClientToken} idempotency, approval updates, tags). Other areas add operations with
 * {@link #handle(String, Operation)} (e.g. {@code CreateEndpoint}) and inject faults with
 * {@link #failNext(String, Fault)}; {@link #requests(String)} shows what the client sent.
 */
public final class FakeSageMaker implements AutoCloseable {
    /** The fake account's ARN prefix. */
    public static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:";
    private static final String JSON = "application/x-amz-json-1.1";
    private static final String SIGNED_BY = "AWS4-HMAC-SHA256 Credential=";
    private static final Pattern GROUP_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    private static final Pattern CLIENT_TOKEN = Pattern.compile("[a-zA-Z0-9-]{1,36}");
    private static final List<String> APPROVAL_STATUSES = List.of("Approved", "Rejected", "PendingManualApproval");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private final ObjectMapper mapper = new ObjectMapper();
    private final LoopbackServer server;
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, List<JsonNode>> requests = new ConcurrentHashMap<>();
    private final List<String> accessKeyIds = new CopyOnWriteArrayList<>();
    // registry state, guarded by this
    private final Map<String, ObjectNode> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tags = new HashMap<>();
    private final Map<String, ObjectNode> packages = new LinkedHashMap<>();
    private final Map<String, String> packagesByToken = new HashMap<>();
    private final Map<String, Integer> lastVersion = new HashMap<>();

    private FakeSageMaker() throws IOException {
        server = new LoopbackServer(this::serve);
        handle("CreateModelPackageGroup", this::createModelPackageGroup);
        handle("DescribeModelPackageGroup", this::describeModelPackageGroup);
        handle("ListModelPackageGroups", this::listModelPackageGroups);
        handle("CreateModelPackage", this::createModelPackage);
        handle("DescribeModelPackage", this::describeModelPackage);
        handle("UpdateModelPackage", this::updateModelPackage);
        handle("ListModelPackages", this::listModelPackages);
        handle("AddTags", this::addTags);
        handle("ListTags", this::listTags);
    }

    /**
     * @return a started fake
     * @throws IOException if no loopback port is free
     */
    public static FakeSageMaker start() throws IOException {
        return new FakeSageMaker();
    }

    /** @return the endpoint to pass to {@code endpointOverride} */
    public URI endpoint() {
        return server.endpoint();
    }

    /**
     * Adds or replaces an operation.
     *
     * @param operation the operation name, e.g. {@code CreateEndpoint}
     * @param handler its behaviour
     */
    public void handle(String operation, Operation handler) {
        operations.put(operation, handler);
    }

    /**
     * @param operation an operation name
     * @param fault what goes wrong with its next request (queued; one fault per request)
     */
    public void failNext(String operation, Fault fault) {
        faults.computeIfAbsent(operation, o -> new ConcurrentLinkedDeque<>()).add(fault);
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

    /** @return the access key IDs that signed the requests (SigV4 {@code Credential=}), oldest first */
    public List<String> accessKeyIds() {
        return List.copyOf(accessKeyIds);
    }

    /**
     * @param group a model package group
     * @return how many model packages it holds
     */
    public synchronized int packageCount(String group) {
        return (int) packages.values().stream()
                .filter(p -> p.get("ModelPackageGroupName").asText().equals(group)).count();
    }

    /** @return a JSON object node for building responses */
    public ObjectNode object() {
        return mapper.createObjectNode();
    }

    @Override
    public void close() {
        server.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith("SageMaker.")) {
            error(exchange, 400, "UnknownOperationException", "expected POST with X-Amz-Target: SageMaker.*");
            return;
        }
        String operation = target.substring("SageMaker.".length());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith(SIGNED_BY) && authorization.indexOf('/') > 0) {
            accessKeyIds.add(authorization.substring(SIGNED_BY.length(), authorization.indexOf('/')));
        }
        JsonNode request = body.length == 0 ? object() : mapper.readTree(body);
        synchronized (requests) {
            requests.computeIfAbsent(operation, o -> new ArrayList<>()).add(request);
        }
        Operation handler = operations.get(operation);
        if (handler == null) {
            error(exchange, 400, "UnknownOperationException", "the fake does not implement " + operation);
            return;
        }
        Fault fault = nextFault(operation);
        if (fault != null && fault.kind() == Fault.Kind.THROTTLE) {
            error(exchange, 400, "ThrottlingException", "Rate exceeded");
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.SERVER_ERROR) {
            error(exchange, 500, "InternalFailure", "We encountered an internal error. Please try again.");
            return;
        }
        JsonNode response;
        try {
            response = handler.apply(request);
        } catch (AwsError e) {
            error(exchange, e.status, e.type, e.getMessage());
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.DROP_RESPONSE) {
            exchange.close();
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.SLOW_RESPONSE) {
            try {
                Thread.sleep(fault.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            LoopbackServer.respond(exchange, 200, JSON, mapper.writeValueAsBytes(response));
        } catch (IOException e) {
            // the client gave up waiting (time-out): nothing to answer
            exchange.close();
        }
    }

    private Fault nextFault(String operation) {
        Deque<Fault> queue = faults.get(operation);
        return queue == null ? null : queue.poll();
    }

    private void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        ObjectNode body = object().put("__type", type).put("message", message);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        LoopbackServer.respond(exchange, status, JSON, mapper.writeValueAsBytes(body));
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    private synchronized JsonNode createModelPackageGroup(JsonNode request) throws AwsError {
        String name = text(request, "ModelPackageGroupName");
        if (!GROUP_NAME.matcher(name).matches()) {
            throw AwsError.validation("1 validation error detected: Value '" + name
                    + "' at 'modelPackageGroupName' failed to satisfy constraint");
        }
        if (groups.containsKey(name)) {
            throw AwsError.validation("Model Package Group already exists: " + ARN + "model-package-group/"
                    + name.toLowerCase(Locale.ROOT));
        }
        String arn = ARN + "model-package-group/" + name.toLowerCase(Locale.ROOT);
        groups.put(name, object().put("ModelPackageGroupName", name).put("ModelPackageGroupArn", arn)
                .put("ModelPackageGroupDescription", request.path("ModelPackageGroupDescription").asText(""))
                .put("CreationTime", now()).put("ModelPackageGroupStatus", "Completed"));
        tags.put(arn, new LinkedHashMap<>());
        return object().put("ModelPackageGroupArn", arn);
    }

    private synchronized JsonNode describeModelPackageGroup(JsonNode request) throws AwsError {
        String name = text(request, "ModelPackageGroupName");
        ObjectNode group = groups.get(name);
        if (group == null) {
            throw AwsError.validation("ModelPackageGroup " + name + " does not exist.");
        }
        return group;
    }

    private synchronized JsonNode listModelPackageGroups(JsonNode request) {
        List<ObjectNode> all = new ArrayList<>(groups.values());
        return page(request, all, "ModelPackageGroupSummaryList");
    }

    private synchronized JsonNode createModelPackage(JsonNode request) throws AwsError {
        String group = text(request, "ModelPackageGroupName");
        if (!groups.containsKey(group)) {
            throw AwsError.validation("Model Package Group " + group + " does not exist.");
        }
        String token = request.path("ClientToken").asText("");
        if (!token.isEmpty()) {
            if (!CLIENT_TOKEN.matcher(token).matches()) {
                throw AwsError.validation("Value at 'clientToken' failed to satisfy constraint: ^[a-zA-Z0-9-]+$,"
                        + " length 1-36");
            }
            String existing = packagesByToken.get(group + "/" + token);
            if (existing != null) {
                return object().put("ModelPackageArn", existing);
            }
        }
        JsonNode custom = request.path("CustomerMetadataProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = custom.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!TAG_TEXT.matcher(entry.getKey()).matches() || entry.getValue().asText().length() > 256) {
                throw AwsError.validation("invalid CustomerMetadataProperties entry " + entry.getKey());
            }
        }
        String status = request.path("ModelApprovalStatus").asText("PendingManualApproval");
        if (!APPROVAL_STATUSES.contains(status)) {
            throw AwsError.validation("invalid ModelApprovalStatus " + status);
        }
        int version = lastVersion.merge(group, 1, Integer::sum);
        String arn = ARN + "model-package/" + group.toLowerCase(Locale.ROOT) + "/" + version;
        ObjectNode created = ((ObjectNode) request.deepCopy());
        created.remove("ClientToken");
        created.put("ModelPackageName", group).put("ModelPackageGroupName", group)
                .put("ModelPackageVersion", version).put("ModelPackageArn", arn).put("CreationTime", now())
                .put("ModelPackageStatus", "Completed").put("ModelApprovalStatus", status);
        if (!created.has("CustomerMetadataProperties")) {
            created.putObject("CustomerMetadataProperties");
        }
        packages.put(arn, created);
        if (!token.isEmpty()) {
            packagesByToken.put(group + "/" + token, arn);
        }
        return object().put("ModelPackageArn", arn);
    }

    private synchronized JsonNode describeModelPackage(JsonNode request) throws AwsError {
        return modelPackage(text(request, "ModelPackageName"));
    }

    private ObjectNode modelPackage(String arn) throws AwsError {
        ObjectNode found = packages.get(arn.toLowerCase(Locale.ROOT).startsWith("arn:")
                ? ARN + arn.substring(ARN.length()).toLowerCase(Locale.ROOT) : arn);
        if (found == null) {
            throw AwsError.validation("ModelPackage " + arn + " does not exist.");
        }
        return found;
    }

    private synchronized JsonNode updateModelPackage(JsonNode request) throws AwsError {
        ObjectNode found = modelPackage(text(request, "ModelPackageArn"));
        if (request.has("ModelApprovalStatus")) {
            if (!APPROVAL_STATUSES.contains(request.get("ModelApprovalStatus").asText())) {
                throw AwsError.validation("invalid ModelApprovalStatus " + request.get("ModelApprovalStatus"));
            }
            found.put("ModelApprovalStatus", request.get("ModelApprovalStatus").asText());
        }
        if (request.has("ApprovalDescription")) {
            found.put("ApprovalDescription", request.get("ApprovalDescription").asText());
        }
        ObjectNode custom = (ObjectNode) found.get("CustomerMetadataProperties");
        request.path("CustomerMetadataProperties").fields().forEachRemaining(e -> custom.set(e.getKey(), e.getValue()));
        request.path("CustomerMetadataPropertiesToRemove").forEach(k -> custom.remove(k.asText()));
        found.put("LastModifiedTime", now());
        return object().put("ModelPackageArn", found.get("ModelPackageArn").asText());
    }

    private synchronized JsonNode listModelPackages(JsonNode request) {
        String group = request.path("ModelPackageGroupName").asText("");
        List<ObjectNode> summaries = new ArrayList<>();
        for (ObjectNode p : packages.values()) {
            if (group.isEmpty() || p.get("ModelPackageGroupName").asText().equals(group)) {
                summaries.add(object().put("ModelPackageName", p.get("ModelPackageName").asText())
                        .put("ModelPackageGroupName", p.get("ModelPackageGroupName").asText())
                        .put("ModelPackageVersion", p.get("ModelPackageVersion").asInt())
                        .put("ModelPackageArn", p.get("ModelPackageArn").asText())
                        .put("CreationTime", p.get("CreationTime").asDouble())
                        .put("ModelPackageStatus", "Completed")
                        .put("ModelApprovalStatus", p.get("ModelApprovalStatus").asText()));
            }
        }
        if ("Descending".equals(request.path("SortOrder").asText())) {
            java.util.Collections.reverse(summaries);
        }
        return page(request, summaries, "ModelPackageSummaryList");
    }

    private synchronized JsonNode addTags(JsonNode request) throws AwsError {
        Map<String, String> resourceTags = resourceTags(text(request, "ResourceArn"));
        ArrayNode added = mapper.createArrayNode();
        for (JsonNode tag : request.path("Tags")) {
            String key = tag.path("Key").asText();
            String value = tag.path("Value").asText();
            if (key.isEmpty() || key.length() > 128 || !TAG_TEXT.matcher(key).matches()
                    || !TAG_TEXT.matcher(value).matches()) {
                throw AwsError.validation("invalid tag " + key);
            }
            resourceTags.put(key, value);
            added.add(tag);
        }
        if (resourceTags.size() > 50) {
            throw AwsError.validation("a resource can have at most 50 tags");
        }
        ObjectNode response = object();
        response.set("Tags", added);
        return response;
    }

    private synchronized JsonNode listTags(JsonNode request) throws AwsError {
        List<ObjectNode> list = new ArrayList<>();
        resourceTags(text(request, "ResourceArn")).forEach((k, v) -> list.add(object().put("Key", k).put("Value", v)));
        return page(request, list, "Tags");
    }

    private Map<String, String> resourceTags(String arn) throws AwsError {
        Map<String, String> found = tags.get(arn);
        if (found == null) {
            throw AwsError.validation("resource " + arn + " does not exist.");
        }
        return found;
    }

    /** Pages like SageMaker: MaxResults per page, NextToken is the next index. */
    private JsonNode page(JsonNode request, List<ObjectNode> all, String field) {
        int max = request.path("MaxResults").asInt(100);
        int start = request.path("NextToken").asInt(0);
        ObjectNode response = object();
        ArrayNode items = response.putArray(field);
        all.stream().skip(start).limit(max).forEach(items::add);
        if (start + max < all.size()) {
            response.put("NextToken", Integer.toString(start + max));
        }
        return response;
    }

    private static String text(JsonNode request, String field) throws AwsError {
        String value = request.path(field).asText("");
        if (value.isEmpty()) {
            throw AwsError.validation("1 validation error detected: " + field + " must not be null");
        }
        return value;
    }

    /** One operation of the fake. */
    @FunctionalInterface
    public interface Operation {
        /**
         * @param request the request body
         * @return the response body
         * @throws AwsError to answer with an AWS error
         */
        JsonNode apply(JsonNode request) throws AwsError;
    }

    /** An AWS error response. */
    public static final class AwsError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String type;

        /**
         * @param status HTTP status
         * @param type the {@code __type}, e.g. {@code ValidationException}
         * @param message the message
         */
        public AwsError(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }

        int status() {
            return status;
        }

        String type() {
            return type;
        }

        /** @param message the message @return a 400 ValidationException */
        public static AwsError validation(String message) {
            return new AwsError(400, "ValidationException", message);
        }
    }
}
