package io.jenkins.plugins.cd4ml.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local endpoint of one model in one environment: forwards {@code POST /predict} to the model
 * servers by weight (canary, linear), copies a share of requests to a shadow and compares its labels
 * with the served ones, and tells its routing on {@code GET /routes} (read back by the target).
 *
 * <p>Routing is deterministic: request n takes slot (61·n mod 100), a permutation of 0–99, so any 100
 * consecutive requests split exactly by the weights and short probe runs already reach a canary.
 */
final class Router implements AutoCloseable {
    private static final int MAX_BODY = 1 << 20;

    /** One weighted backend. */
    record Route(String version, URI uri, int weight) {
    }

    /** A backend that receives copies of requests; its answers are compared, never served. */
    record ShadowRoute(String version, URI uri, int mirrorPercent) {
    }

    /** The routing table. */
    record Routes(List<Route> routes, ShadowRoute shadow) {
        Routes {
            routes = List.copyOf(routes);
        }
    }

    /** Shadow comparison counts since the shadow was set. */
    record ShadowStats(long mirrored, long errors, long compared, long agreed) {
        double agreement() {
            return compared == 0 ? 0 : (double) agreed / compared;
        }
    }

    private final Http.Server server;
    private final AtomicReference<Routes> routes = new AtomicReference<>(new Routes(List.of(), null));
    private final AtomicLong requests = new AtomicLong();
    private final AtomicReference<ShadowStats> shadowStats = new AtomicReference<>(new ShadowStats(0, 0, 0, 0));

    private Router(Http.Server server) {
        this.server = server;
    }

    static Router start(int port, String name) throws IOException {
        Router router = new Router(Http.start(port, name));
        router.server.server().createContext("/predict", router::predict);
        router.server.server().createContext("/routes", router::describe);
        router.server.server().createContext("/health", router::health);
        return router;
    }

    URI uri() {
        return server.uri();
    }

    int port() {
        return server.port();
    }

    void route(Routes table) {
        if (table.shadow() != null && !table.shadow().equals(routes.get().shadow())) {
            shadowStats.set(new ShadowStats(0, 0, 0, 0));
        }
        routes.set(table);
    }

    ShadowStats shadowStats() {
        return shadowStats.get();
    }

    private void predict(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY);
            }
            Routes table = routes.get();
            int slot = (int) ((requests.getAndIncrement() * 61) % 100);
            Route route = choose(table.routes(), slot);
            if (route == null) {
                Http.reply(exchange, 503, Map.of("error", "no version is routed"), null);
                return;
            }
            JsonNode request = Json.mapper().readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
            HttpResponse<String> answer;
            try {
                answer = Http.post(route.uri().resolve("/predict"), request);
            } catch (IOException e) {
                Http.reply(exchange, 502, Map.of("error", "version " + route.version() + " did not answer"),
                        route.version());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Http.reply(exchange, 503, Map.of("error", "interrupted"), route.version());
                return;
            }
            if (table.shadow() != null && slot < table.shadow().mirrorPercent()) {
                mirror(table.shadow(), request, answer);
            }
            byte[] reply = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set(Http.VERSION_HEADER, route.version());
            exchange.sendResponseHeaders(answer.statusCode(), reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    private void mirror(ShadowRoute shadow, JsonNode request, HttpResponse<String> served) {
        boolean error;
        boolean compared = false;
        boolean agreed = false;
        try {
            HttpResponse<String> copy = Http.post(shadow.uri().resolve("/predict"), request);
            error = copy.statusCode() != 200;
            if (!error && served.statusCode() == 200) {
                compared = true;
                agreed = Json.mapper().readTree(copy.body()).path("label")
                        .equals(Json.mapper().readTree(served.body()).path("label"));
            }
        } catch (IOException e) {
            error = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean failed = error;
        boolean counted = compared;
        boolean same = agreed;
        shadowStats.updateAndGet(stats -> new ShadowStats(stats.mirrored() + 1, stats.errors() + (failed ? 1 : 0),
                stats.compared() + (counted ? 1 : 0), stats.agreed() + (same ? 1 : 0)));
    }

    private static Route choose(List<Route> routes, int slot) {
        int cumulative = 0;
        for (Route route : routes) {
            cumulative += route.weight();
            if (slot < cumulative) {
                return route;
            }
        }
        return null;
    }

    private void describe(HttpExchange exchange) throws IOException {
        try (exchange) {
            Routes table = routes.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("routes", table.routes().stream().map(route -> Map.of("version", route.version(),
                    "url", route.uri().toString(), "weight", route.weight())).toList());
            body.put("shadow", table.shadow() == null ? null : Map.of("version", table.shadow().version(),
                    "url", table.shadow().uri().toString(), "mirrorPercent", table.shadow().mirrorPercent()));
            Http.reply(exchange, 200, body, null);
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            boolean routed = !routes.get().routes().isEmpty();
            Http.reply(exchange, routed ? 200 : 503, Map.of("status", routed ? "ok" : "no version routed"), null);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
