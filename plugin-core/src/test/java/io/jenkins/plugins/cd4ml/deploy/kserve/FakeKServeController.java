package io.jenkins.plugins.cd4ml.deploy.kserve;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays KServe's controller against the fabric8 mock server: each {@link #reconcile()} turns every
 * InferenceService's spec into revisions and writes the status KServe would (observedGeneration,
 * conditions, predictor revisions and traffic). It runs where the target sleeps, so tests are
 * deterministic and never wait.
 */
final class FakeKServeController {
    /** How a storage URI behaves once it runs. */
    enum Behaviour { HEALTHY, FAILS_AFTER_START, NEVER_READY }

    private static final class Revision {
        final String name;
        final String uri;
        boolean ready;
        int age;

        Revision(String name, String uri, boolean ready) {
            this.name = name;
            this.uri = uri;
            this.ready = ready;
        }
    }

    private static final class Service {
        final List<Revision> revisions = new ArrayList<>();
        Revision rolledOut;
    }

    final Map<String, Behaviour> behaviours = new HashMap<>();
    final Set<String> brokenUris = new HashSet<>();
    private final Map<String, Service> services = new HashMap<>();
    private final KubernetesClient client;
    private final String namespace;

    FakeKServeController(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    void reconcile() {
        for (GenericKubernetesResource resource : client.genericKubernetesResources(KServeTarget.INFERENCE_SERVICE)
                .inNamespace(namespace).list().getItems()) {
            reconcile(resource);
        }
    }

    @SuppressWarnings("unchecked")
    private void reconcile(GenericKubernetesResource resource) {
        Map<String, Object> predictor = (Map<String, Object>) ((Map<String, Object>) resource
                .getAdditionalProperties().get("spec")).get("predictor");
        String uri = String.valueOf(((Map<String, Object>) predictor.get("model")).get("storageUri"));
        Object canary = predictor.get("canaryTrafficPercent");
        Service service = services.computeIfAbsent(resource.getMetadata().getName(), name -> new Service());
        Revision latest = service.revisions.isEmpty() ? null : service.revisions.get(service.revisions.size() - 1);
        Behaviour behaviour = behaviours.getOrDefault(uri, Behaviour.HEALTHY);
        if (latest == null || !latest.uri.equals(uri)) {
            latest = new Revision(resource.getMetadata().getName() + "-predictor-" + (service.revisions.size() + 1),
                    uri, behaviour != Behaviour.NEVER_READY && !brokenUris.contains(uri));
            service.revisions.add(latest);
        } else {
            latest.age++;
            if (behaviour == Behaviour.FAILS_AFTER_START && latest.age >= 1) {
                latest.ready = false;
            }
        }
        List<Map<String, Object>> traffic = new ArrayList<>();
        if (latest.ready) {
            int share = canary instanceof Number number ? number.intValue() : 100;
            if (share < 100 && service.rolledOut != null && service.rolledOut != latest) {
                traffic.add(route(latest, share, true));
                traffic.add(route(service.rolledOut, 100 - share, false));
            } else {
                service.rolledOut = latest;
                traffic.add(route(latest, 100, true));
            }
        } else if (service.rolledOut != null) {
            traffic.add(route(service.rolledOut, 100, false));
        }
        String lastReady = service.revisions.stream().filter(revision -> revision.ready)
                .map(revision -> revision.name).reduce((first, second) -> second).orElse(null);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("latestCreatedRevision", latest.name);
        components.put("latestReadyRevision", lastReady);
        components.put("latestRolledoutRevision", service.rolledOut == null ? null : service.rolledOut.name);
        components.put("traffic", traffic);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("observedGeneration", resource.getMetadata().getGeneration());
        status.put("components", Map.of("predictor", components));
        String failure = "Revision \"" + latest.name + "\" failed with message: container exited with code 1";
        status.put("conditions", List.of(
                condition("PredictorReady", latest.ready, failure),
                condition("Ready", latest.ready, failure)));
        resource.getAdditionalProperties().put("status", status);
        client.genericKubernetesResources(KServeTarget.INFERENCE_SERVICE).inNamespace(namespace).resource(resource)
                .updateStatus();
    }

    private static Map<String, Object> route(Revision revision, int percent, boolean latest) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("revisionName", revision.name);
        route.put("percent", percent);
        route.put("latestRevision", latest);
        route.put("tag", latest ? "latest" : "prev");
        return route;
    }

    private static Map<String, Object> condition(String type, boolean ready, String message) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("status", ready ? "True" : "False");
        if (!ready) {
            condition.put("reason", "RevisionFailed");
            condition.put("message", message);
        }
        return condition;
    }
}
