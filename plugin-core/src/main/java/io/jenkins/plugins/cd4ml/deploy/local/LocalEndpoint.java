package io.jenkins.plugins.cd4ml.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's endpoint in one environment on this machine: a {@link Router} and the
 * {@link ModelServer}s behind it. Its intended state (routes, artifacts, probe inputs) is saved to a
 * JSON file after every change, so a new process brings the same versions back up.
 */
final class LocalEndpoint implements AutoCloseable {
    private final String model;
    private final Path stateFile;
    private final Router router;
    private final Map<String, ModelServer> servers = new LinkedHashMap<>();
    private final Map<String, Path> artifacts = new LinkedHashMap<>();
    private Router.Routes routes = new Router.Routes(List.of(), null);
    private List<Map<String, Double>> probe = List.of();

    private LocalEndpoint(String model, Path stateFile, Router router) {
        this.model = model;
        this.stateFile = stateFile;
        this.router = router;
    }

    static LocalEndpoint create(String model, Path stateFile, int port) throws IOException {
        return new LocalEndpoint(model, stateFile, Router.start(port, model + "-router"));
    }

    /** Brings back what the state file says should serve; versions that cannot start are left out. */
    static LocalEndpoint restore(String model, Path stateFile, int port) throws IOException {
        JsonNode state = Json.mapper().readTree(stateFile.toFile());
        int savedPort = state.path("port").asInt(0);
        Router router;
        try {
            router = Router.start(port != 0 ? port : savedPort, model + "-router");
        } catch (BindException e) {
            router = Router.start(0, model + "-router");
        }
        LocalEndpoint endpoint = new LocalEndpoint(model, stateFile, router);
        state.path("artifacts").fields().forEachRemaining(entry ->
                endpoint.artifacts.put(entry.getKey(), Path.of(entry.getValue().asText())));
        List<Map<String, Double>> probe = new ArrayList<>();
        state.path("probe").forEach(features -> probe.add(ModelServer.features(features)));
        endpoint.probe = List.copyOf(probe);
        List<Router.Route> routes = new ArrayList<>();
        for (JsonNode route : state.path("routes")) {
            String version = route.path("version").asText();
            try {
                ModelServer server = endpoint.start(version, endpoint.artifacts.get(version));
                routes.add(new Router.Route(version, server.uri(), route.path("weight").asInt()));
            } catch (InvalidInputException | IOException | RuntimeException e) {
                // not routed: the read-back shows what really serves
            }
        }
        endpoint.route(new Router.Routes(routes, null));
        return endpoint;
    }

    Router router() {
        return router;
    }

    String model() {
        return model;
    }

    synchronized Router.Routes routes() {
        return routes;
    }

    synchronized List<Map<String, Double>> probe() {
        return probe;
    }

    synchronized void probe(List<Map<String, Double>> features) throws IOException {
        probe = List.copyOf(features);
        save();
    }

    /** Starts a version, or returns its server when it already runs (describe before create). */
    synchronized ModelServer start(String version, Path artifact) throws InvalidInputException, IOException {
        ModelServer running = servers.get(version);
        if (running != null && running.artifact().equals(artifact) && answers(running)) {
            return running;
        }
        if (running != null) {
            running.close();
        }
        if (artifact == null) {
            throw new IOException("no artifact is known for version " + version);
        }
        ModelServer server = ModelServer.start(model, version, artifact);
        servers.put(version, server);
        artifacts.put(version, artifact);
        save();
        return server;
    }

    /** Makes sure a version that served before answers again, restarting it from its artifact if needed. */
    synchronized ModelServer ensureRunning(String version) throws InvalidInputException, IOException {
        return start(version, artifacts.get(version));
    }

    synchronized ModelServer server(String version) {
        return servers.get(version);
    }

    synchronized void stop(String version) throws IOException {
        ModelServer server = servers.remove(version);
        if (server != null) {
            server.close();
        }
        save();
    }

    /** Stops a version's server but keeps it registered, as if it had crashed (tests). */
    synchronized void crash(String version) {
        ModelServer server = servers.get(version);
        if (server != null) {
            server.close();
        }
    }

    synchronized void route(Router.Routes table) throws IOException {
        routes = table;
        router.route(table);
        save();
    }

    private static boolean answers(ModelServer server) {
        try {
            return Http.get(server.uri().resolve("/health")).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void save() throws IOException {
        ObjectNode state = Json.mapper().createObjectNode();
        state.put("schemaVersion", Json.SCHEMA_VERSION);
        state.put("model", model);
        state.put("port", router.port());
        ObjectNode artifactNode = state.putObject("artifacts");
        artifacts.forEach((version, path) -> artifactNode.put(version, path.toString()));
        ArrayNode routeNode = state.putArray("routes");
        for (Router.Route route : routes.routes()) {
            routeNode.addObject().put("version", route.version()).put("weight", route.weight());
        }
        ArrayNode probeNode = state.putArray("probe");
        for (Map<String, Double> features : probe) {
            ObjectNode values = probeNode.addObject().putObject("features");
            features.forEach(values::put);
        }
        Files.createDirectories(stateFile.getParent());
        Path temporary = Files.createTempFile(stateFile.getParent(), stateFile.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, Json.mapper().writeValueAsBytes(state));
            try {
                Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public synchronized void close() {
        servers.values().forEach(ModelServer::close);
        servers.clear();
        router.close();
    }
}
