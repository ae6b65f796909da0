package io.jenkins.plugins.cd4ml.deploy;

import java.util.Set;

/** The kinds of target, with the settings each accepts (the environments file's schema). */
public enum TargetType {
    /** Serves on this machine over HTTP on 127.0.0.1 (demo, tests). */
    LOCAL("local", ordered(), ordered("port", "stateDir", "probeFile", "probeRequests", "probeIntervalSeconds",
            "maxErrorRate")),
    /** A SageMaker real-time endpoint. */
    SAGEMAKER("sagemaker", ordered("region", "image", "executionRoleArn"), ordered("endpointName", "instanceType",
            "instanceCount", "variantName", "maxWaitSeconds", "pollSeconds", "endpointUrl", "stsEndpointUrl")),
    /** A KServe InferenceService on Kubernetes. */
    KSERVE("kserve", ordered("namespace"), ordered("context", "modelFormat", "serviceName", "maxWaitSeconds",
            "pollSeconds", "apiServerUrl"));

    private final String id;
    private final Set<String> required;
    private final Set<String> optional;

    /** Settings in declaration order, so that errors name the first missing one, run after run. */
    private static Set<String> ordered(String... names) {
        return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(java.util.List.of(names)));
    }

    TargetType(String id, Set<String> required, Set<String> optional) {
        this.id = id;
        this.required = required;
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
