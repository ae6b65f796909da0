package io.jenkins.plugins.cd4ml.deploy.kserve;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.cd4ml.deploy.DeploymentProgress;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.ResourceNames;
import io.jenkins.plugins.cd4ml.deploy.RolloutResult;
import io.jenkins.plugins.cd4ml.deploy.ServingState;
import io.jenkins.plugins.cd4ml.deploy.TargetPlan;
import io.jenkins.plugins.cd4ml.deploy.TargetSpec;
import io.jenkins.plugins.cd4ml.deploy.strategy.Canary;
import io.jenkins.plugins.cd4ml.deploy.strategy.DeploymentStrategy;
import io.jenkins.plugins.cd4ml.deploy.strategy.Linear;
import io.jenkins.plugins.cd4ml.deploy.strategy.Shadow;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A KServe {@code InferenceService} ({@code serving.kserve.io/v1beta1}) per model and environment,
 * through the fabric8 client's generic resources. Canary and linear rollouts set the predictor's
 * {@code canaryTrafficPercent}; KServe keeps the rest of the traffic on the previously rolled-out
 * revision. The rollback signal is KServe's own status: the latest revision not becoming or not
 * staying ready (conditions {@code Ready}/{@code PredictorReady}); named alarms are recorded only.
 *
 * <p>The versions behind the two revisions KServe routes to are kept in annotations
 * ({@value #VERSION} for the latest, {@value #PREVIOUS_VERSION} for the previous rolled-out one), and
 * {@link #observe} maps {@code status.components.predictor.traffic} through them.
 */
public final class KServeTarget implements DeploymentTarget {
    /** Annotation: the version of the predictor's current spec (the latest revision). */
    public static final String VERSION = "cd4ml.io/version";
    /** Annotation: the version of the previously rolled-out revision. */
    public static final String PREVIOUS_VERSION = "cd4ml.io/previous-version";
    /** Annotation: the storage URI of the previous version (for rollback). */
    public static final String PREVIOUS_URI = "cd4ml.io/previous-storage-uri";
    /** The InferenceService resource. */
    public static final ResourceDefinitionContext INFERENCE_SERVICE = new ResourceDefinitionContext.Builder()
            .withGroup("serving.kserve.io").withVersion("v1beta1").withKind("InferenceService")
            .withPlural("inferenceservices").withNamespaced(true).build();

    private final Environment environment;
    private final KubernetesClient client;
    private final TargetSpec settings;
    private final String namespace;
    private final Duration poll;
    private final long maxPolls;
    private final boolean ownsClient;

    /**
     * @param environment the environment (its {@code kserve} settings are used)
     * @param client a client for the cluster, built by the caller with the environment's credentials
     */
    public KServeTarget(Environment environment, KubernetesClient client) {
        this(environment, client, false);
    }

    private KServeTarget(Environment environment, KubernetesClient client, boolean ownsClient) {
        this.ownsClient = ownsClient;
        this.environment = environment;
        this.client = client;
        this.settings = environment.target();
        this.namespace = settings.setting("namespace", "default");
        this.poll = Duration.ofSeconds(Long.parseLong(settings.setting("pollSeconds", "10")));
        this.maxPolls = Math.max(1, Long.parseLong(settings.setting("maxWaitSeconds", "1800")) / poll.toSeconds());
    }

    /**
     * @param environment the environment
     * @param client a client this target closes when it is closed
     * @return the target
     */
    public static KServeTarget closingClient(Environment environment, KubernetesClient client) {
        return new KServeTarget(environment, client, true);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private String serviceName(String model) {
        return settings.setting("serviceName").orElse(ResourceNames.forService(model, environment.name()));
    }

    @Override
    public String unsupported(DeploymentStrategy strategy) {
        return strategy instanceof Shadow ? "the kserve target does not run shadow deployments" : "";
    }

    private GenericKubernetesResource get(String model) throws IOException {
        try {
            return client.genericKubernetesResources(INFERENCE_SERVICE).inNamespace(namespace)
                    .withName(serviceName(model)).get();
        } catch (KubernetesClientException e) {
            throw new IOException("reading InferenceService " + serviceName(model) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ServingState observe(String model) throws IOException {
        GenericKubernetesResource service = get(model);
        if (service == null) {
            return ServingState.absent();
        }
        Map<String, String> annotations = annotations(service);
        Map<String, Object> predictor = map(map(service.getAdditionalProperties().get("status")).get("components"));
        predictor = map(predictor.get("predictor"));
        Map<String, Integer> traffic = new TreeMap<>();
        for (Object entry : list(predictor.get("traffic"))) {
            Map<String, Object> route = map(entry);
            String version = Boolean.TRUE.equals(route.get("latestRevision")) ? annotations.get(VERSION)
                    : annotations.get(PREVIOUS_VERSION);
            if (version != null && route.get("percent") instanceof Number percent && percent.intValue() > 0) {
                traffic.merge(version, percent.intValue(), Integer::sum);
            }
        }
        Condition ready = condition(service, "Ready");
        boolean latestReady = predictor.get("latestCreatedRevision") != null
                && predictor.get("latestCreatedRevision").equals(predictor.get("latestReadyRevision"));
        ServingState.Status status = ready == null ? ServingState.Status.UPDATING
                : ready.status().equals("True") ? ServingState.Status.IN_SERVICE
                : ready.status().equals("False") ? ServingState.Status.FAILED : ServingState.Status.UPDATING;
        if (status == ServingState.Status.FAILED && !traffic.isEmpty()) {
            status = ServingState.Status.IN_SERVICE; // KServe still routes to the last ready revision
        }
        boolean verified = ready != null && ready.status().equals("True") && latestReady;
        String detail = ready == null || ready.status().equals("True") ? ""
                : "Ready=" + ready.status() + " " + ready.reason() + ": " + ready.message();
        return new ServingState(status, traffic, verified && !traffic.isEmpty(), detail);
    }

    /** A status condition. */
    private record Condition(String status, String reason, String message) {
    }

    private static Condition condition(GenericKubernetesResource service, String type) {
        for (Object entry : list(map(service.getAdditionalProperties().get("status")).get("conditions"))) {
            Map<String, Object> condition = map(entry);
            if (type.equals(condition.get("type"))) {
                return new Condition(String.valueOf(condition.get("status")),
                        String.valueOf(condition.getOrDefault("reason", "")),
                        String.valueOf(condition.getOrDefault("message", "")));
            }
        }
        return null;
    }

    @Override
    public RolloutResult rollout(TargetPlan plan, DeploymentProgress progress) throws IOException, InterruptedException {
        GenericKubernetesResource service = get(plan.model());
        String name = serviceName(plan.model());
        DeploymentStrategy strategy = plan.strategy();
        if (service == null) {
            long generation = write(plan, null, null, plan.artifactUri(), plan.version(), null, null);
            progress.event("service", "created InferenceService " + namespace + "/" + name);
            String problem = awaitLatest(plan.model(), 100, generation, progress);
            return problem == null ? RolloutResult.completed() : RolloutResult.failed(problem);
        }
        boolean resumed = plan.version().equals(annotations(service).get(VERSION))
                && plan.artifactUri().equals(storageUri(service));
        String previousUri = resumed ? annotations(service).get(PREVIOUS_URI) : storageUri(service);
        String previous = plan.previousVersion();
        List<Integer> shares = strategy instanceof Canary canary ? List.of(canary.percent(), 100)
                : strategy instanceof Linear linear ? linear.steps() : List.of(100);
        if (resumed) {
            progress.event("resumed", "InferenceService " + name + " already specifies version " + plan.version());
        }
        for (int index = 0; index < shares.size(); index++) {
            int share = shares.get(index);
            long generation = write(plan, service, previous, plan.artifactUri(), plan.version(), previousUri,
                    share < 100 ? share : null);
            progress.event("traffic", (share < 100 ? "canaryTrafficPercent " + share : "all traffic")
                    + " for version " + plan.version());
            String problem = awaitLatest(plan.model(), share, generation, progress);
            if (problem != null) {
                boolean tookTraffic = index > 0;
                restore(plan, previous, previousUri, progress);
                return tookTraffic ? RolloutResult.rolledBack(problem) : RolloutResult.failed(problem);
            }
            if (share < 100 && strategy.bakeSeconds() > 0) {
                progress.sleep(Duration.ofSeconds(strategy.bakeSeconds()));
            }
            if (share < 100) {
                String failure = latestProblem(get(plan.model()));
                if (failure != null) {
                    progress.event("alarm", "the new revision stopped being ready while baking: " + failure);
                    restore(plan, previous, previousUri, progress);
                    return RolloutResult.rolledBack("KServe: " + failure);
                }
            }
            service = get(plan.model());
        }
        return RolloutResult.completed();
    }

    private void restore(TargetPlan plan, String previous, String previousUri, DeploymentProgress progress)
            throws IOException, InterruptedException {
        if (previous == null || previousUri == null) {
            return;
        }
        progress.event("rollback", "restoring version " + previous + " (" + previousUri + ")");
        long generation = write(plan, get(plan.model()), plan.version(), previousUri, previous, plan.artifactUri(),
                null);
        String problem = awaitLatest(plan.model(), 100, generation, progress);
        if (problem != null) {
            progress.event("rollback-failed", "version " + previous + " did not become ready again: " + problem);
        }
    }

    /** Waits until the latest revision is ready with the share, or fails; returns the problem or null. */
    private String awaitLatest(String model, int share, long generation, DeploymentProgress progress)
            throws IOException, InterruptedException {
        for (long polls = 0; polls < maxPolls; polls++) {
            GenericKubernetesResource service = get(model);
            Object observed = map(service.getAdditionalProperties().get("status")).get("observedGeneration");
            if (!(observed instanceof Number number) || number.longValue() < generation) {
                progress.sleep(poll); // KServe has not seen this change yet
                continue;
            }
            String problem = latestProblem(service);
            if (problem != null) {
                return problem;
            }
            Map<String, Object> predictor = map(map(map(service.getAdditionalProperties().get("status"))
                    .get("components")).get("predictor"));
            for (Object entry : list(predictor.get("traffic"))) {
                Map<String, Object> route = map(entry);
                Condition ready = condition(service, "Ready");
                if (Boolean.TRUE.equals(route.get("latestRevision")) && route.get("percent") instanceof Number percent
                        && percent.intValue() == share && ready != null && ready.status().equals("True")) {
                    progress.event("status", "latest revision " + route.get("revisionName") + " ready with " + share
                            + " % of traffic");
                    return null;
                }
            }
            progress.sleep(poll);
        }
        return "the latest revision was not ready with the requested traffic in time";
    }

    /** @return why the latest created revision is not ready, or null */
    private static String latestProblem(GenericKubernetesResource service) {
        Condition predictorReady = condition(service, "PredictorReady");
        if (predictorReady != null && predictorReady.status().equals("False")) {
            return predictorReady.reason() + ": " + predictorReady.message();
        }
        return null;
    }

    /** Writes the spec and annotations in one update; returns the resource's new generation. */
    private long write(TargetPlan plan, GenericKubernetesResource existing, String previousVersion, String storageUri,
            String version, String previousUri, Integer canaryPercent) throws IOException {
        Map<String, Object> spec = existing == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(map(existing.getAdditionalProperties().get("spec")));
        Map<String, Object> predictor = new LinkedHashMap<>(map(spec.get("predictor")));
        Map<String, Object> model = new LinkedHashMap<>(map(predictor.get("model")));
        model.put("modelFormat", Map.of("name", settings.setting("modelFormat", "sklearn")));
        model.put("storageUri", storageUri);
        predictor.put("model", model);
        if (canaryPercent == null) {
            predictor.remove("canaryTrafficPercent");
        } else {
            predictor.put("canaryTrafficPercent", canaryPercent);
        }
        spec.put("predictor", predictor);
        Map<String, String> annotations = new LinkedHashMap<>(existing == null ? Map.of() : annotations(existing));
        annotations.put(VERSION, version);
        put(annotations, PREVIOUS_VERSION, previousVersion);
        put(annotations, PREVIOUS_URI, previousUri);
        annotations.put("cd4ml.io/deployment", plan.deploymentId());
        GenericKubernetesResourceBuilder builder = existing == null ? new GenericKubernetesResourceBuilder()
                : new GenericKubernetesResourceBuilder(existing);
        GenericKubernetesResource resource = builder.withApiVersion("serving.kserve.io/v1beta1")
                .withKind("InferenceService")
                .editOrNewMetadata().withName(serviceName(plan.model())).withNamespace(namespace)
                .withAnnotations(annotations).endMetadata()
                .addToAdditionalProperties("spec", spec).build();
        try {
            var operation = client.genericKubernetesResources(INFERENCE_SERVICE).inNamespace(namespace)
                    .resource(resource);
            GenericKubernetesResource written = existing == null ? operation.create() : operation.update();
            Long generation = written.getMetadata().getGeneration();
            return generation == null ? 0 : generation;
        } catch (KubernetesClientException e) {
            throw new IOException("writing InferenceService " + serviceName(plan.model()) + ": " + e.getMessage(), e);
        }
    }

    private static void put(Map<String, String> annotations, String key, String value) {
        if (value == null) {
            annotations.remove(key);
        } else {
            annotations.put(key, value);
        }
    }

    private static String storageUri(GenericKubernetesResource service) {
        Object uri = map(map(map(service.getAdditionalProperties().get("spec")).get("predictor")).get("model"))
                .get("storageUri");
        return uri == null ? null : uri.toString();
    }

    private static Map<String, String> annotations(GenericKubernetesResource service) {
        Map<String, String> annotations = service.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of();
    }

    @Override
    public void abort(TargetPlan plan, DeploymentProgress progress) throws IOException {
        GenericKubernetesResource service = get(plan.model());
        if (service == null || plan.previousVersion() == null) {
            return;
        }
        String previousUri = annotations(service).get(PREVIOUS_URI);
        if (previousUri != null && plan.version().equals(annotations(service).get(VERSION))) {
            write(plan, service, plan.version(), previousUri, plan.previousVersion(), plan.artifactUri(), null);
            progress.event("rollback", "InferenceService restored to version " + plan.previousVersion());
        }
    }
}
