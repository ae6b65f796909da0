package io.jenkins.plugins.cd4ml.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serves one model version on 127.0.0.1: {@code GET /health} and {@code POST /predict} with
 * {@code {"features": {...}}}, answering {@code {"model", "version", "score", "probability", "label"}}.
 * A request the model cannot score (missing feature) gets HTTP 400.
 */
final class ModelServer implements AutoCloseable {
    private static final int MAX_BODY = 1 << 20;

    private final String model;
    private final String version;
    private final Path artifact;
    private final LinearModel linearModel;
    private final Http.Server server;

    private ModelServer(String model, String version, Path artifact, LinearModel linearModel, Http.Server server) {
        this.model = model;
        this.version = version;
        this.artifact = artifact;
        this.linearModel = linearModel;
        this.server = server;
    }

    static ModelServer start(String model, String version, Path artifact) throws InvalidInputException, IOException {
        LinearModel linearModel = LinearModel.read(artifact);
        Http.Server server = Http.start(0, model + "-" + version);
        ModelServer modelServer = new ModelServer(model, version, artifact, linearModel, server);
        server.server().createContext("/health", modelServer::health);
        server.server().createContext("/predict", modelServer::predict);
        return modelServer;
    }

    String version() {
        return version;
    }

    Path artifact() {
        return artifact;
    }

    URI uri() {
        return server.uri();
    }

    LinearModel linearModel() {
        return linearModel;
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "ok");
            body.put("model", model);
            body.put("version", version);
            Http.reply(exchange, 200, body, version);
        }
    }

    private void predict(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                Http.reply(exchange, 405, Map.of("error", "use POST"), version);
                return;
            }
            Map<String, Double> features;
            try (InputStream in = exchange.getRequestBody()) {
                features = features(Json.mapper().readTree(in.readNBytes(MAX_BODY)));
            } catch (IOException | IllegalArgumentException e) {
                Http.reply(exchange, 400, Map.of("error", "expected {\"features\": {name: number}}"), version);
                return;
            }
            try {
                LinearModel.Prediction prediction = linearModel.predict(features);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("model", model);
                body.put("version", version);
                body.put("score", prediction.score());
                body.put("probability", prediction.probability());
                body.put("label", prediction.label());
                Http.reply(exchange, 200, body, version);
            } catch (IllegalArgumentException e) {
                Http.reply(exchange, 400, Map.of("error", e.getMessage()), version);
            }
        }
    }

    static Map<String, Double> features(JsonNode request) {
        JsonNode features = request == null ? null : request.path("features");
        if (features == null || !features.isObject()) {
            throw new IllegalArgumentException("no features");
        }
        Map<String, Double> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = features.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isNumber()) {
                values.put(entry.getKey(), entry.getValue().asDouble());
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.close();
    }
}
