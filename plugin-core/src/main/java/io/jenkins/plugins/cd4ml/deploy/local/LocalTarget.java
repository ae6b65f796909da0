package io.jenkins.plugins.cd4ml.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.deploy.DeploymentProgress;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.ResourceNames;
import io.jenkins.plugins.cd4ml.deploy.RolloutResult;
import io.jenkins.plugins.cd4ml.deploy.ServingState;
import io.jenkins.plugins.cd4ml.deploy.TargetPlan;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.deploy.strategy.BlueGreen;
import io.jenkins.plugins.cd4ml.deploy.strategy.Canary;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.cd4ml.deploy.strategy.Linear;
import io.jenkins.plugins.cd4ml.deploy.strategy.Shadow;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code local} target: serves model versions ({@link LinearModel} artifacts) over HTTP on
 * 127.0.0.1 behind a weighted {@link Router}. Every strategy is supported. While a version bakes,
 * probe requests go through the router; the "alarm" of this target is the error rate of the new
 * version on those probes (setting {@code maxErrorRate}, default 0.1): every alarm named in the
 * strategy watches it, and the first one named is reported when it fires.
 *
 * <p>Probe inputs come from {@code probeFile} (JSON lines of {@code {"features": {...}}}) or, when
 * it is not set, from the features of the first version ever deployed to the endpoint (what its
 * callers send), with every value 1.0.
 */
public final class LocalTarget implements DeploymentTarget {
    private final Environment environment;
    private final LocalServing serving;
    private final Path stateDirectory;
    private final int port;
    private final int probeRequests;
    private final Duration probeInterval;
    private final double maxErrorRate;
    private final Path probeFile;

    /**
     * @param environment the environment (its target settings are read here)
     * @param serving what serves in this process
     * @param defaultStateDirectory where endpoint state lives when the environment has no {@code stateDir}
     */
    public LocalTarget(Environment environment, LocalServing serving, Path defaultStateDirectory) {
        this.environment = environment;
        this.serving = serving;
        var target = environment.target();
        this.stateDirectory = target.setting("stateDir").map(Path::of).orElse(defaultStateDirectory)
                .resolve(environment.name());
        this.port = Integer.parseInt(target.setting("port", "0"));
        this.probeRequests = Integer.parseInt(target.setting("probeRequests", "20"));
        this.probeInterval = Duration.ofSeconds(Long.parseLong(target.setting("probeIntervalSeconds", "10")));
        this.maxErrorRate = Double.parseDouble(target.setting("maxErrorRate", "0.1"));
        this.probeFile = target.setting("probeFile").map(Path::of).orElse(null);
    }

    /**
     * @param model a model
     * @return the state file of the model's endpoint in this environment
     */
    public Path stateFile(String model) {
        return stateDirectory.resolve(ResourceNames.forService(model, environment.name()) + ".json");
    }

    @Override
    public String unsupported(DeploymentStrategy strategy) {
        return "";
    }

    @Override
    public ServingState observe(String model) throws IOException {
        LocalEndpoint endpoint = serving.endpoint(stateFile(model), model, port, false);
        if (endpoint == null) {
            return ServingState.absent();
        }
        JsonNode table;
        try {
            HttpResponse<String> response = Http.get(endpoint.router().uri().resolve("/routes"));
            table = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            return new ServingState(ServingState.Status.FAILED, Map.of(), false,
                    "the router does not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading back", e);
        }
        Map<String, Integer> traffic = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<Map<String, Double>> probe = endpoint.probe();
        for (JsonNode route : table.path("routes")) {
            String version = route.path("version").asText();
            traffic.merge(version, route.path("weight").asInt(), Integer::sum);
            String problem = check(URI.create(route.path("url").asText()), version, probe);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (traffic.isEmpty()) {
            return new ServingState(ServingState.Status.ABSENT, Map.of(), false, "no version is routed");
        }
        return new ServingState(ServingState.Status.IN_SERVICE, traffic, problems.isEmpty(),
                String.join("; ", problems));
    }

    /** @return what is wrong with a routed version (health or prediction), or null when it answers */
    private static String check(URI uri, String version, List<Map<String, Double>> probe) {
        try {
            HttpResponse<String> health = Http.get(uri.resolve("/health"));
            if (health.statusCode() != 200
                    || !version.equals(Json.mapper().readTree(health.body()).path("version").asText())) {
                return "version " + version + " fails its health check";
            }
            if (!probe.isEmpty()) {
                HttpResponse<String> prediction = Http.post(uri.resolve("/predict"), request(probe.get(0)));
                if (prediction.statusCode() != 200) {
                    return "version " + version + " answers predictions with HTTP " + prediction.statusCode();
                }
            }
            return null;
        } catch (IOException e) {
            return "version " + version + " does not answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public RolloutResult rollout(TargetPlan plan, DeploymentProgress progress) throws IOException, InterruptedException {
        LocalEndpoint endpoint = serving.endpoint(stateFile(plan.model()), plan.model(), port, true);
        String version = plan.version();
        ModelServer server;
        try {
            server = endpoint.start(version, Path.of(plan.artifactUri()));
        } catch (InvalidInputException e) {
            return RolloutResult.failed("version " + version + " did not start: " + e.getMessage());
        }
        progress.event("started", "version " + version + " answers on " + server.uri());
        if (endpoint.probe().isEmpty()) {
            endpoint.probe(probeInputs(server.linearModel()));
        }
        String previous = plan.previousVersion();
        if (previous == null || previous.equals(version) || endpoint.server(previous) == null) {
            route(endpoint, progress, Map.of(version, 100), null);
            String alarm = bake(endpoint, progress, version, plan.strategy().bakeSeconds(), plan.strategy().alarms());
            if (alarm != null) {
                endpoint.route(new Router.Routes(List.of(), null));
                endpoint.stop(version);
                return RolloutResult.rolledBack(alarm);
            }
            return RolloutResult.completed();
        }
        DeploymentStrategy strategy = plan.strategy();
        if (strategy instanceof Shadow shadow) {
            return shadow(endpoint, progress, plan, shadow);
        }
        List<Integer> shares = strategy instanceof Canary canary ? List.of(canary.percent(), 100)
                : strategy instanceof Linear linear ? linear.steps() : List.of(100);
        if (strategy instanceof AllAtOnce) {
            route(endpoint, progress, Map.of(version, 100), null);
            endpoint.stop(previous);
            progress.event("stopped", "version " + previous + " stopped");
        }
        for (int index = 0; index < shares.size(); index++) {
            int share = shares.get(index);
            boolean last = index == shares.size() - 1;
            if (!(strategy instanceof AllAtOnce)) {
                route(endpoint, progress, split(previous, version, share), null);
            }
            boolean baked = !last || strategy instanceof AllAtOnce || strategy instanceof BlueGreen;
            if (baked) {
                String alarm = bake(endpoint, progress, version, strategy.bakeSeconds(), strategy.alarms());
                if (alarm != null) {
                    return rollback(endpoint, progress, plan, alarm);
                }
            }
        }
        if (!(strategy instanceof AllAtOnce)) {
            endpoint.stop(previous);
            progress.event("stopped", "version " + previous + " stopped");
        }
        return RolloutResult.completed();
    }

    private RolloutResult shadow(LocalEndpoint endpoint, DeploymentProgress progress, TargetPlan plan, Shadow shadow)
            throws IOException, InterruptedException {
        String version = plan.version();
        String previous = plan.previousVersion();
        ModelServer server = endpoint.server(version);
        endpoint.route(new Router.Routes(List.of(new Router.Route(previous, endpoint.server(previous).uri(), 100)),
                new Router.ShadowRoute(version, server.uri(), shadow.mirrorPercent())));
        progress.event("traffic", "version " + previous + " serves 100 %; " + shadow.mirrorPercent()
                + " % of requests mirrored to version " + version);
        bake(endpoint, progress, previous, shadow.bakeSeconds(), List.of());
        Router.ShadowStats stats = endpoint.router().shadowStats();
        String verdict = String.format(java.util.Locale.ROOT,
                "shadow: %d mirrored, %d errors, %d of %d predictions agree (%.2f, minimum %.2f)",
                stats.mirrored(), stats.errors(), stats.agreed(), stats.compared(), stats.agreement(),
                shadow.minAgreement());
        progress.event("shadow", verdict);
        double errorRate = stats.mirrored() == 0 ? 1 : (double) stats.errors() / stats.mirrored();
        if (stats.compared() == 0 || errorRate > maxErrorRate || stats.agreement() < shadow.minAgreement()) {
            endpoint.route(new Router.Routes(endpoint.routes().routes(), null));
            endpoint.stop(version);
            return RolloutResult.rolledBack(verdict);
        }
        route(endpoint, progress, Map.of(version, 100), null);
        endpoint.stop(previous);
        return RolloutResult.completed();
    }

    private RolloutResult rollback(LocalEndpoint endpoint, DeploymentProgress progress, TargetPlan plan, String alarm)
            throws IOException {
        progress.event("rollback", alarm + "; routing all traffic back to version " + plan.previousVersion());
        try {
            endpoint.ensureRunning(plan.previousVersion());
            route(endpoint, progress, Map.of(plan.previousVersion(), 100), null);
            endpoint.stop(plan.version());
        } catch (InvalidInputException | IOException e) {
            progress.event("rollback-failed", "version " + plan.previousVersion() + " cannot serve again: "
                    + e.getMessage());
        }
        return RolloutResult.rolledBack(alarm);
    }

    @Override
    public void abort(TargetPlan plan, DeploymentProgress progress) throws IOException {
        LocalEndpoint endpoint = serving.endpoint(stateFile(plan.model()), plan.model(), port, false);
        if (endpoint == null) {
            return;
        }
        String previous = plan.previousVersion();
        if (previous != null && !previous.equals(plan.version())) {
            try {
                endpoint.ensureRunning(previous);
                route(endpoint, progress, Map.of(previous, 100), null);
            } catch (InvalidInputException e) {
                throw new IOException(e.getMessage(), e);
            }
        } else {
            endpoint.route(new Router.Routes(List.of(), null));
        }
        endpoint.stop(plan.version());
    }

    private static Map<String, Integer> split(String previous, String version, int share) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (share < 100) {
            weights.put(previous, 100 - share);
        }
        weights.put(version, share);
        return weights;
    }

    private static void route(LocalEndpoint endpoint, DeploymentProgress progress, Map<String, Integer> weights,
            Router.ShadowRoute shadow) throws IOException {
        List<Router.Route> routes = new ArrayList<>();
        for (Map.Entry<String, Integer> weight : weights.entrySet()) {
            ModelServer server = endpoint.server(weight.getKey());
            if (server == null) {
                throw new IOException("version " + weight.getKey() + " is not running");
            }
            routes.add(new Router.Route(weight.getKey(), server.uri(), weight.getValue()));
        }
        endpoint.route(new Router.Routes(routes, shadow));
        StringBuilder text = new StringBuilder("traffic:");
        weights.forEach((version, share) -> text.append(" version ").append(version).append(' ').append(share)
                .append(" %"));
        progress.event("traffic", text.toString());
    }

    /** Probes for the bake time; returns the alarm that fired, or null. */
    private String bake(LocalEndpoint endpoint, DeploymentProgress progress, String watched, int bakeSeconds,
            List<String> alarms) throws InterruptedException {
        long rounds = Math.max(1, (bakeSeconds + probeInterval.toSeconds() - 1) / probeInterval.toSeconds());
        long waited = 0;
        for (long round = 0; round < rounds; round++) {
            long wait = Math.min(probeInterval.toSeconds(), bakeSeconds - waited);
            if (wait > 0) {
                progress.sleep(Duration.ofSeconds(wait));
                waited += wait;
            }
            Map<String, int[]> counts = probeRound(endpoint);
            int[] count = counts.getOrDefault(watched, new int[2]);
            double errorRate = count[0] == 0 ? 0 : (double) count[1] / count[0];
            progress.event("probe", String.format(java.util.Locale.ROOT,
                    "probe round %d/%d: version %s answered %d requests, error rate %.2f (alarm above %.2f)",
                    round + 1, rounds, watched, count[0], errorRate, maxErrorRate));
            if (!alarms.isEmpty() && errorRate > maxErrorRate) {
                String alarm = String.format(java.util.Locale.ROOT,
                        "alarm '%s' fired: error rate of version %s was %.2f > %.2f on %d probe requests",
                        alarms.get(0), watched, errorRate, maxErrorRate, count[0]);
                progress.event("alarm", alarm);
                return alarm;
            }
        }
        return null;
    }

    /** @return per version: {requests, errors} */
    private Map<String, int[]> probeRound(LocalEndpoint endpoint) throws InterruptedException {
        Map<String, int[]> counts = new TreeMap<>();
        List<Map<String, Double>> probe = endpoint.probe();
        for (int i = 0; i < probeRequests; i++) {
            String version = "(router)";
            boolean error;
            try {
                HttpResponse<String> response = Http.post(endpoint.router().uri().resolve("/predict"),
                        request(probe.get(i % probe.size())));
                version = response.headers().firstValue(Http.VERSION_HEADER).orElse(version);
                error = response.statusCode() != 200;
            } catch (IOException e) {
                error = true;
            }
            int[] count = counts.computeIfAbsent(version, key -> new int[2]);
            count[0]++;
            if (error) {
                count[1]++;
            }
        }
        return counts;
    }

    private List<Map<String, Double>> probeInputs(LinearModel model) throws IOException {
        List<Map<String, Double>> inputs = new ArrayList<>();
        if (probeFile != null) {
            for (String line : Files.readAllLines(probeFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode node = Json.mapper().readTree(line);
                    inputs.add(ModelServer.features(node.has("features") ? node
                            : Json.mapper().createObjectNode().set("features", node)));
                }
            }
        }
        if (inputs.isEmpty()) {
            Map<String, Double> features = new LinkedHashMap<>();
            model.coefficients().keySet().forEach(name -> features.put(name, 1.0));
            inputs.add(features);
        }
        return inputs;
    }

    private static JsonNode request(Map<String, Double> features) {
        var node = Json.mapper().createObjectNode();
        var values = node.putObject("features");
        features.forEach(values::put);
        return node;
    }
}
