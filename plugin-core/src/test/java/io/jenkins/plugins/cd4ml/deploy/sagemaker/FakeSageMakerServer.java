package io.jenkins.plugins.cd4ml.deploy.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-process fake of the SageMaker JSON 1.1 API on 127.0.0.1, for the calls the deployment target
 * makes: models, endpoint configurations, endpoints with a small status machine per endpoint. It checks
 * that requests are SigV4-signed for {@code sagemaker}, and can throttle, drop answers after applying a
 * request, fail new fleets, fire rollback alarms and fail rollbacks — as SageMaker does, an automatic
 * rollback ends {@code InService} with the old configuration and a {@code FailureReason}.
 *
 * <p>Public in the test jar for the steps module, which deploys through it with credentials
 * resolved from Jenkins: {@link #accessKeyIds()} and {@link #sessionTokens()} show who signed.
 */
public final class FakeSageMakerServer implements AutoCloseable {
    /** How a model artifact behaves once it takes traffic. */
    enum Behaviour { HEALTHY, TRIPS_ALARM, FAILS_HEALTH_CHECK }

    /** One state an endpoint passes through. */
    private record Step(String status, String config, String failure, boolean pending) {
    }

    private static final class Endpoint {
        String config;
        String status;
        String failure = "";
        String pending;
        ObjectNode lastDeploymentConfig;
        final Deque<Step> next = new ArrayDeque<>();
    }

    final Map<String, ObjectNode> models = new ConcurrentHashMap<>();
    final Map<String, ObjectNode> configs = new ConcurrentHashMap<>();
    final List<String> calls = new ArrayList<>();
    private final List<String> accessKeyIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> sessionTokens = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<ObjectNode> updates = new ArrayList<>();
    final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    final Map<String, Integer> throttle = new ConcurrentHashMap<>();
    final Map<String, Integer> dropAnswer = new ConcurrentHashMap<>();
    volatile boolean failRollbacks;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final HttpServer server;

    /**
     * Starts the fake on a free loopback port.
     *
     * @throws IOException if no port is free
     */
    public FakeSageMakerServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return the fake's endpoint */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return the access key ID of every signed request, in order */
    public List<String> accessKeyIds() {
        return List.copyOf(accessKeyIds);
    }

    /** @return the session tokens requests carried ({@code X-Amz-Security-Token}), in order */
    public List<String> sessionTokens() {
        return List.copyOf(sessionTokens);
    }

    /**
     * @param operation e.g. {@code CreateEndpoint}
     * @return how often it was called
     */
    public synchronized long count(String operation) {
        return calls.stream().filter(operation::equals).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 Credential=")
                    || !authorization.contains("/us-east-1/sagemaker/aws4_request")
                    || exchange.getRequestHeaders().getFirst("X-Amz-Date") == null) {
                reply(exchange, 403, error("InvalidSignatureException", "request is not signed for sagemaker"));
                return;
            }
            accessKeyIds.add(authorization.substring("AWS4-HMAC-SHA256 Credential=".length(),
                    authorization.indexOf('/')));
            String token = exchange.getRequestHeaders().getFirst("X-Amz-Security-Token");
            if (token != null) {
                sessionTokens.add(token);
            }
            if (target == null || !target.startsWith("SageMaker.") || !"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 400, error("UnknownOperationException", "expected X-Amz-Target SageMaker.*"));
                return;
            }
            String operation = target.substring("SageMaker.".length());
            synchronized (this) {
                calls.add(operation);
            }
            if (take(throttle, operation)) {
                reply(exchange, 400, error("ThrottlingException", "Rate exceeded"));
                return;
            }
            ObjectNode request = (ObjectNode) Json.mapper().readTree(bytes);
            JsonNode answer;
            int status = 200;
            try {
                answer = dispatch(operation, request);
            } catch (Failure failure) {
                answer = error(failure.type, failure.getMessage());
                status = 400;
            }
            if (take(dropAnswer, operation)) {
                return; // applied, but the connection closes without an answer
            }
            reply(exchange, status, answer);
        }
    }

    private static boolean take(Map<String, Integer> counters, String operation) {
        Integer left = counters.get(operation);
        if (left == null || left <= 0) {
            return false;
        }
        counters.put(operation, left - 1);
        return true;
    }

    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final String type;

        Failure(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    private synchronized JsonNode dispatch(String operation, ObjectNode request) throws Failure {
        return switch (operation) {
            case "CreateModel" -> create(models, request, "ModelName", "model");
            case "DescribeModel" -> describe(models, request.path("ModelName").asText(), "model");
            case "CreateEndpointConfig" -> create(configs, request, "EndpointConfigName", "endpoint configuration");
            case "DescribeEndpointConfig" -> describe(configs, request.path("EndpointConfigName").asText(),
                    "endpoint configuration");
            case "CreateEndpoint" -> createEndpoint(request);
            case "UpdateEndpoint" -> updateEndpoint(request);
            case "DescribeEndpoint" -> describeEndpoint(request.path("EndpointName").asText());
            default -> throw new Failure("UnknownOperationException", operation);
        };
    }

    private static JsonNode create(Map<String, ObjectNode> store, ObjectNode request, String key, String what)
            throws Failure {
        String name = request.path(key).asText();
        if (store.containsKey(name)) {
            throw new Failure("ValidationException", "Cannot create already existing " + what + " \"" + name + "\".");
        }
        store.put(name, request);
        return Json.mapper().createObjectNode().put(key.replace("Name", "Arn"),
                "arn:aws:sagemaker:us-east-1:111122223333:" + what.replace(' ', '-') + "/" + name);
    }

    private static JsonNode describe(Map<String, ObjectNode> store, String name, String what) throws Failure {
        ObjectNode found = store.get(name);
        if (found == null) {
            throw new Failure("ValidationException", "Could not find " + what + " \"" + name + "\".");
        }
        return found;
    }

    private Behaviour behaviourOf(String config) {
        String model = configs.get(config).path("ProductionVariants").get(0).path("ModelName").asText();
        String url = models.get(model).path("PrimaryContainer").path("ModelDataUrl").asText();
        return behaviours.getOrDefault(url, Behaviour.HEALTHY);
    }

    private JsonNode createEndpoint(ObjectNode request) throws Failure {
        String name = request.path("EndpointName").asText();
        if (endpoints.containsKey(name)) {
            throw new Failure("ValidationException", "Cannot create already existing endpoint \"" + name + "\".");
        }
        String config = request.path("EndpointConfigName").asText();
        describe(configs, config, "endpoint configuration");
        Endpoint endpoint = new Endpoint();
        endpoint.config = config;
        endpoint.status = "Creating";
        endpoint.next.add(behaviourOf(config) == Behaviour.FAILS_HEALTH_CHECK
                ? new Step("Failed", config, "The primary container for production variant AllTraffic did not pass"
                        + " the ping health check.", false)
                : new Step("InService", config, "", false));
        endpoints.put(name, endpoint);
        return Json.mapper().createObjectNode().put("EndpointArn", "arn:aws:sagemaker:us-east-1:111122223333:endpoint/"
                + name);
    }

    private JsonNode updateEndpoint(ObjectNode request) throws Failure {
        String name = request.path("EndpointName").asText();
        Endpoint endpoint = endpoints.get(name);
        if (endpoint == null) {
            throw new Failure("ValidationException", "Could not find endpoint \"" + name + "\".");
        }
        if (!endpoint.status.equals("InService") && !endpoint.status.equals("Failed")) {
            throw new Failure("ValidationException", "Cannot update in-progress endpoint \"" + name + "\".");
        }
        String config = request.path("EndpointConfigName").asText();
        describe(configs, config, "endpoint configuration");
        updates.add(request);
        String old = endpoint.config;
        endpoint.status = "Updating";
        endpoint.failure = "";
        endpoint.pending = config;
        endpoint.lastDeploymentConfig = request.path("DeploymentConfig") instanceof ObjectNode deployment
                ? deployment : null;
        JsonNode alarms = request.path("DeploymentConfig").path("AutoRollbackConfiguration").path("Alarms");
        endpoint.next.add(new Step("Updating", old, "", true));
        switch (behaviourOf(config)) {
            case FAILS_HEALTH_CHECK -> endpoint.next.add(new Step("InService", old,
                    "The primary container for production variant AllTraffic did not pass the ping health check.",
                    false));
            case TRIPS_ALARM -> {
                if (alarms.isEmpty()) {
                    endpoint.next.add(new Step("InService", config, "", false));
                } else {
                    String reason = "Alarm " + alarms.get(0).path("AlarmName").asText()
                            + " went into ALARM state during the deployment; rolling back.";
                    endpoint.next.add(new Step("RollingBack", old, reason, false));
                    endpoint.next.add(failRollbacks
                            ? new Step("UpdateRollbackFailed", config, reason + " The rollback failed.", false)
                            : new Step("InService", old, reason, false));
                }
            }
            case HEALTHY -> endpoint.next.add(new Step("InService", config, "", false));
        }
        return Json.mapper().createObjectNode().put("EndpointArn", "arn:aws:sagemaker:us-east-1:111122223333:endpoint/"
                + name);
    }

    private JsonNode describeEndpoint(String name) throws Failure {
        Endpoint endpoint = endpoints.get(name);
        if (endpoint == null) {
            throw new Failure("ValidationException", "Could not find endpoint \"" + name + "\".");
        }
        Step step = endpoint.next.poll();
        if (step != null) {
            endpoint.status = step.status();
            endpoint.config = step.config();
            endpoint.failure = step.failure();
            if (!step.pending()) {
                endpoint.pending = null;
            }
        }
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("EndpointName", name).put("EndpointConfigName", endpoint.config)
                .put("EndpointStatus", endpoint.status);
        if (!endpoint.failure.isEmpty()) {
            answer.put("FailureReason", endpoint.failure);
        }
        ObjectNode config = configs.get(endpoint.config);
        JsonNode variant = config.path("ProductionVariants").get(0);
        answer.putArray("ProductionVariants").addObject()
                .put("VariantName", variant.path("VariantName").asText())
                .put("CurrentWeight", 1.0)
                .put("CurrentInstanceCount", endpoint.status.equals("InService")
                        || endpoint.status.equals("Updating") || endpoint.status.equals("RollingBack")
                        ? variant.path("InitialInstanceCount").asInt() : 0);
        if (endpoint.pending != null) {
            answer.putObject("PendingDeploymentSummary").put("EndpointConfigName", endpoint.pending);
        }
        if (endpoint.lastDeploymentConfig != null) {
            answer.set("LastDeploymentConfig", endpoint.lastDeploymentConfig);
        }
        return answer;
    }

    /** Puts an endpoint in the middle of an update to a configuration, as if a first attempt died there. */
    synchronized void startUpdate(String endpointName, String config) throws Exception {
        ObjectNode request = Json.mapper().createObjectNode().put("EndpointName", endpointName)
                .put("EndpointConfigName", config);
        updateEndpoint(request);
        // still updating when the restarted deployment first looks
        Endpoint endpoint = endpoints.get(endpointName);
        endpoint.next.addFirst(new Step("Updating", endpoint.config, "", true));
    }

    private static ObjectNode error(String type, String message) {
        return Json.mapper().createObjectNode().put("__type", type).put("message", message);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
