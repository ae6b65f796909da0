package io.jenkins.plugins.cd4ml.deploy;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The kinds of target, with the settings each accepts (the environments file's schema). */
public enum TargetType {
    /** Serves on this machine over HTTP on 127.0.0.1 (demo, tests). */
    LOCAL("local", List.of(), Set.of("port", "stateDir", "probeFile", "probeRequests", "probeIntervalSeconds",
            "maxErrorRate")),
    /** A SageMaker real-time endpoint. */
    SAGEMAKER("sagemaker", List.of("region", "image", "executionRoleArn"), Set.of("endpointName", "instanceType",
            "instanceCount", "variantName", "maxWaitSeconds", "pollSeconds", "endpointUrl", "stsEndpointUrl")),
    /** A KServe InferenceService on Kubernetes. */
    KSERVE("kserve", List.of("namespace"), Set.of("context", "modelFormat", "serviceName", "maxWaitSeconds",
            "pollSeconds", "apiServerUrl"));

    private final String id;
    private final Set<String> required;
    private final Set<String> optional;

    TargetType(String id, List<String> required, Set<String> optional) {
        this.id = id;
        // in the order written, so the first missing setting reported is the same on every run (unlike Set.of)
        this.required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
        this.optional = optional;
    }

    /** @return the name used in files ({@code local}, {@code sagemaker}, {@code kserve}) */
    public String id() {
        return id;
    }

    /** @return settings that must be present */
    public Set<String> required() {
        return required;
    }

    /** @return settings that may be present */
    public Set<String> optional() {
        return optional;
    }

    /**
     * @param id a name as written in a file
     * @return the type, or {@code null} when unknown
     */
    public static TargetType of(String id) {
        for (TargetType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        return null;
    }
}
