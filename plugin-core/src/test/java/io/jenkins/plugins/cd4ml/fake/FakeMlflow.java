package io.jenkins.plugins.cd4ml.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process MLflow tracking server (REST API 2.0, model registry part plus the artifact proxy)
 * on 127.0.0.1: registered models with tags and aliases, model versions with tags and stages,
 * {@code mlflow-artifacts} upload and download. Errors are {@code {"error_code", "message"}} like
 * the real server; faults are injected per endpoint with {@link #failNext(String, Fault)}.
 * (It lives beside the AWS fakes so every area finds the fakes in one place.)
 */
public final class FakeMlflow implements AutoCloseable {
    private static final String API = "/api/2.0/mlflow/";
    private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";
    private static final Pattern NAME_FILTER = Pattern.compile("\\s*name\\s*=\\s*'([^']*)'\\s*");

    private final ObjectMapper mapper = new ObjectMapper();
    private final LoopbackServer server;
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final Map<String, byte[]> artifacts = new ConcurrentHashMap<>();
    // guarded by this
    private final Map<String, ObjectNode> models = new TreeMap<>();
    private final Map<String, Map<String, String>> modelTags = new HashMap<>();
    private final Map<String, Map<String, Integer>> aliases = new HashMap<>();
    private final Map<String, List<ObjectNode>> versions = new HashMap<>();
    private final String expectedToken;

    private FakeMlflow(String expectedToken) throws IOException {
        this.expectedToken = expectedToken;
        server = new LoopbackServer(this::serve);
    }

    /**
     * @param expectedToken the bearer token clients must send, or null for none
     * @return a started fake
     * @throws IOException if no loopback port is free
     */
    public static FakeMlflow start(String expectedToken) throws IOException {
        return new FakeMlflow(expectedToken);
    }

    /** @return the tracking URI */
    public URI trackingUri() {
        return server.endpoint();
    }

    /**
     * @param endpoint e.g. {@code model-versions/create}
     * @param fault what goes wrong with its next request
     */
    public void failNext(String endpoint, Fault fault) {
        faults.computeIfAbsent(endpoint, e -> new ConcurrentLinkedDeque<>()).add(fault);
    }

    /** @param endpoint e.g. {@code model-versions/create} @return how often it was called */
    public int calls(String endpoint) {
        return calls.getOrDefault(endpoint, 0);
    }

    /** @param model a model @return how many versions it has */
    public synchronized int versionCount(String model) {
        return versions.getOrDefault(model, List.of()).size();
    }

    @Override
    public void close() {
        server.close();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (expectedToken != null && !("Bearer " + expectedToken).equals(
                exchange.getRequestHeaders().getFirst("Authorization"))) {
            error(exchange, 401, "UNAUTHENTICATED", "missing or wrong bearer token");
            return;
        }
        if (path.startsWith(ARTIFACTS)) {
            artifact(exchange, path.substring(ARTIFACTS.length()), body);
            return;
        }
        if (!path.startsWith(API)) {
            error(exchange, 404, "ENDPOINT_NOT_FOUND", path);
            return;
        }
        String endpoint = path.substring(API.length());
        calls.merge(endpoint, 1, Integer::sum);
        Deque<Fault> queue = faults.get(endpoint);
        Fault fault = queue == null ? null : queue.poll();
        if (fault != null && fault.kind() == Fault.Kind.THROTTLE) {
            error(exchange, 429, "REQUEST_LIMIT_EXCEEDED", "Too many requests");
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.SERVER_ERROR) {
            error(exchange, 500, "INTERNAL_ERROR", "internal error");
            return;
        }
        JsonNode request = "GET".equals(exchange.getRequestMethod()) ? query(exchange.getRequestURI().getRawQuery())
                : body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        JsonNode response;
        try {
            response = dispatch(endpoint, request);
        } catch (MlflowError e) {
            error(exchange, e.status, e.code, e.getMessage());
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.DROP_RESPONSE) {
            exchange.close();
            return;
        }
        if (fault != null && fault.kind() == Fault.Kind.SLOW_RESPONSE) {
            sleep(fault.delay().toMillis());
        }
        try {
            LoopbackServer.respond(exchange, 200, "application/json", mapper.writeValueAsBytes(response));
        } catch (IOException e) {
            exchange.close();
        }
    }

    private synchronized JsonNode dispatch(String endpoint, JsonNode r) throws MlflowError {
        return switch (endpoint) {
            case "registered-models/create" -> createModel(r);
            case "registered-models/get" -> wrap("registered_model", model(text(r, "name")));
            case "registered-models/search" -> searchModels(r);
            case "registered-models/set-tag" -> {
                modelJson(text(r, "name"));
                modelTags.get(text(r, "name")).put(text(r, "key"), r.path("value").asText(""));
                yield mapper.createObjectNode();
            }
            case "registered-models/alias" -> {
                String name = text(r, "name");
                version(name, text(r, "version"));
                aliases.get(name).put(text(r, "alias"), Integer.parseInt(text(r, "version")));
                yield mapper.createObjectNode();
            }
            case "model-versions/create" -> createVersion(r);
            case "model-versions/get" -> wrap("model_version", versionJson(text(r, "name"), text(r, "version")));
            case "model-versions/search" -> searchVersions(r);
            case "model-versions/set-tag" -> {
                ObjectNode v = version(text(r, "name"), text(r, "version"));
                ((ObjectNode) v.get("tagMap")).put(text(r, "key"), r.path("value").asText(""));
                yield mapper.createObjectNode();
            }
            case "model-versions/transition-stage" -> {
                ObjectNode v = version(text(r, "name"), text(r, "version"));
                String stage = text(r, "stage");
                if (!List.of("None", "Staging", "Production", "Archived").contains(stage)) {
                    throw new MlflowError(400, "INVALID_PARAMETER_VALUE", "invalid stage " + stage);
                }
                v.put("current_stage", stage);
                yield wrap("model_version", versionJson(text(r, "name"), text(r, "version")));
            }
            default -> throw new MlflowError(404, "ENDPOINT_NOT_FOUND", "the fake does not implement " + endpoint);
        };
    }

    private JsonNode createModel(JsonNode r) throws MlflowError {
        String name = text(r, "name");
        if (models.containsKey(name)) {
            throw new MlflowError(400, "RESOURCE_ALREADY_EXISTS", "Registered Model (name=" + name
                    + ") already exists.");
        }
        long now = System.currentTimeMillis();
        models.put(name, mapper.createObjectNode().put("name", name).put("creation_timestamp", now)
                .put("last_updated_timestamp", now).put("description", r.path("description").asText("")));
        modelTags.put(name, new LinkedHashMap<>());
        aliases.put(name, new TreeMap<>());
        versions.put(name, new ArrayList<>());
        return wrap("registered_model", model(name));
    }

    private ObjectNode modelJson(String name) throws MlflowError {
        ObjectNode found = models.get(name);
        if (found == null) {
            throw new MlflowError(404, "RESOURCE_DOES_NOT_EXIST", "Registered Model with name=" + name
                    + " not found");
        }
        return found;
    }

    private JsonNode model(String name) throws MlflowError {
        ObjectNode json = modelJson(name).deepCopy();
        ArrayNode tags = json.putArray("tags");
        modelTags.get(name).forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
        ArrayNode list = json.putArray("aliases");
        aliases.get(name).forEach((a, v) -> list.addObject().put("alias", a).put("version", Integer.toString(v)));
        return json;
    }

    private JsonNode searchModels(JsonNode r) throws MlflowError {
        List<JsonNode> all = new ArrayList<>();
        for (String name : models.keySet()) {
            all.add(model(name));
        }
        return page(r, all, "registered_models");
    }

    private JsonNode createVersion(JsonNode r) throws MlflowError {
        String name = text(r, "name");
        modelJson(name);
        List<ObjectNode> list = versions.get(name);
        long now = System.currentTimeMillis();
        ObjectNode v = mapper.createObjectNode().put("name", name).put("version", Integer.toString(list.size() + 1))
                .put("creation_timestamp", now).put("last_updated_timestamp", now).put("current_stage", "None")
                .put("description", r.path("description").asText("")).put("source", text(r, "source"))
                .put("run_id", r.path("run_id").asText("")).put("status", "READY");
        ObjectNode tagMap = v.putObject("tagMap");
        r.path("tags").forEach(t -> tagMap.put(t.path("key").asText(), t.path("value").asText()));
        list.add(v);
        return wrap("model_version", versionJson(name, v.get("version").asText()));
    }

    private ObjectNode version(String name, String number) throws MlflowError {
        modelJson(name);
        List<ObjectNode> list = versions.get(name);
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new MlflowError(400, "INVALID_PARAMETER_VALUE", "version must be an integer: " + number);
        }
        if (n < 1 || n > list.size()) {
            throw new MlflowError(404, "RESOURCE_DOES_NOT_EXIST", "Model Version (name=" + name + ", version=" + n
                    + ") not found");
        }
        return list.get(n - 1);
    }

    private JsonNode versionJson(String name, String number) throws MlflowError {
        ObjectNode json = version(name, number).deepCopy();
        JsonNode tagMap = json.remove("tagMap");
        ArrayNode tags = json.putArray("tags");
        tagMap.fields().forEachRemaining(e -> tags.addObject().put("key", e.getKey()).put("value",
                e.getValue().asText()));
        ArrayNode list = json.putArray("aliases");
        aliases.get(name).forEach((a, v) -> {
            if (v == Integer.parseInt(number)) {
                list.add(a);
            }
        });
        return json;
    }

    private JsonNode searchVersions(JsonNode r) throws MlflowError {
        Matcher filter = NAME_FILTER.matcher(r.path("filter").asText(""));
        if (!filter.matches()) {
            throw new MlflowError(400, "INVALID_PARAMETER_VALUE", "the fake supports only filter=name='...'");
        }
        List<JsonNode> all = new ArrayList<>();
        for (ObjectNode v : versions.getOrDefault(filter.group(1), List.of())) {
            all.add(versionJson(filter.group(1), v.get("version").asText()));
        }
        java.util.Collections.reverse(all); // MLflow returns newest first
        return page(r, all, "model_versions");
    }

    private JsonNode page(JsonNode r, List<JsonNode> all, String field) {
        int max = r.path("max_results").asInt(100);
        int start = r.path("page_token").asInt(0);
        ObjectNode response = mapper.createObjectNode();
        ArrayNode items = response.putArray(field);
        all.stream().skip(start).limit(max).forEach(items::add);
        if (start + max < all.size()) {
            response.put("next_page_token", Integer.toString(start + max));
        }
        return response;
    }

    private void artifact(HttpExchange exchange, String path, byte[] body) throws IOException {
        String key = URLDecoder.decode(path, StandardCharsets.UTF_8);
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                artifacts.put(key, body);
                LoopbackServer.respond(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            }
            case "GET" -> {
                byte[] content = artifacts.get(key);
                if (content == null) {
                    error(exchange, 404, "RESOURCE_DOES_NOT_EXIST", "artifact " + key + " not found");
                } else {
                    LoopbackServer.respond(exchange, 200, "application/octet-stream", content);
                }
            }
            default -> error(exchange, 405, "INVALID_PARAMETER_VALUE", exchange.getRequestMethod());
        }
    }

    private JsonNode wrap(String field, JsonNode value) {
        ObjectNode response = mapper.createObjectNode();
        response.set(field, value);
        return response;
    }

    private JsonNode query(String raw) {
        ObjectNode query = mapper.createObjectNode();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode body = mapper.createObjectNode().put("error_code", code).put("message", message);
        LoopbackServer.respond(exchange, status, "application/json", mapper.writeValueAsBytes(body));
    }

    private static String text(JsonNode r, String field) throws MlflowError {
        String value = r.path(field).asText("");
        if (value.isEmpty()) {
            throw new MlflowError(400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter '" + field
                    + "'");
        }
        return value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MlflowError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        MlflowError(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
