package io.jenkins.plugins.cd4ml.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A request to register a new version. Build it with {@link #builder(String)}.
 *
 * @param model the registered model's name
 * @param artifacts the files to store (at least one, distinct paths)
 * @param description free text, or empty
 * @param metrics metric name to value, from this build's evaluation
 * @param gates the quality gate verdicts of this build
 * @param failedGatesAccepted whether the caller accepted failed gates ({@code allowFailedGates})
 * @param provenance how it was made
 * @param tags free key/value labels
 * @param registeredBy who registers (user id or {@code job#number})
 * @param initialStatus the approval status the version starts with
 * @param clientToken idempotency key: registering twice with the same token returns the first version
 */
public record Registration(String model, List<ArtifactSource> artifacts, String description,
        Map<String, Double> metrics, List<GateResult> gates, boolean failedGatesAccepted, Provenance provenance,
        Map<String, String> tags, String registeredBy, ApprovalStatus initialStatus, String clientToken) {
    /** Validates and normalises. */
    public Registration {
        Names.requireModelName(model);
        artifacts = List.copyOf(artifacts);
        if (artifacts.isEmpty()) {
            throw new IllegalArgumentException("a registration needs at least one artifact");
        }
        Set<String> paths = new HashSet<>();
        for (ArtifactSource artifact : artifacts) {
            if (!paths.add(artifact.path())) {
                throw new IllegalArgumentException("artifact path given twice: " + artifact.path());
            }
        }
        description = description == null ? "" : description;
        metrics = Provenance.sorted(metrics);
        gates = gates == null ? List.of() : List.copyOf(gates);
        provenance = provenance == null ? Provenance.NONE : provenance;
        tags = Provenance.sorted(tags);
        registeredBy = registeredBy == null || registeredBy.isBlank() ? "unknown" : registeredBy;
        initialStatus = initialStatus == null ? ApprovalStatus.PENDING_MANUAL_APPROVAL : initialStatus;
        clientToken = clientToken == null || clientToken.isBlank() ? UUID.randomUUID().toString() : clientToken;
    }

    /**
     * @param model the registered model's name
     * @return a builder
     */
    public static Builder builder(String model) {
        return new Builder(model);
    }

    /** Builds {@link Registration}s. */
    public static final class Builder {
        private final String model;
        private final List<ArtifactSource> artifacts = new ArrayList<>();
        private String description = "";
        private final Map<String, Double> metrics = new TreeMap<>();
        private final List<GateResult> gates = new ArrayList<>();
        private boolean failedGatesAccepted;
        private Provenance provenance = Provenance.NONE;
        private final Map<String, String> tags = new TreeMap<>();
        private String registeredBy = "";
        private ApprovalStatus initialStatus = ApprovalStatus.PENDING_MANUAL_APPROVAL;
        private String clientToken = "";

        Builder(String model) {
            this.model = model;
        }

        /** @param source an artifact @return this */
        public Builder artifact(ArtifactSource source) {
            artifacts.add(source);
            return this;
        }

        /** @param path path inside the model @param file local file @return this */
        public Builder artifact(String path, java.nio.file.Path file) {
            return artifact(new ArtifactSource(path, file));
        }

        /** @param value description @return this */
        public Builder description(String value) {
            description = value;
            return this;
        }

        /** @param name metric @param value its value @return this */
        public Builder metric(String name, double value) {
            metrics.put(name, value);
            return this;
        }

        /** @param value a gate verdict @return this */
        public Builder gate(GateResult value) {
            gates.add(value);
            return this;
        }

        /** @param value whether failed gates were accepted @return this */
        public Builder failedGatesAccepted(boolean value) {
            failedGatesAccepted = value;
            return this;
        }

        /** @param value provenance @return this */
        public Builder provenance(Provenance value) {
            provenance = value;
            return this;
        }

        /** @param key tag @param value value @return this */
        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /** @param value who registers @return this */
        public Builder registeredBy(String value) {
            registeredBy = value;
            return this;
        }

        /** @param value initial approval status @return this */
        public Builder initialStatus(ApprovalStatus value) {
            initialStatus = value;
            return this;
        }

        /** @param value idempotency token (e.g. {@code job#build#name}) @return this */
        public Builder clientToken(String value) {
            clientToken = value;
            return this;
        }

        /** @return the registration */
        public Registration build() {
            return new Registration(model, artifacts, description, metrics, gates, failedGatesAccepted, provenance,
                    tags, registeredBy, initialStatus, clientToken);
        }
    }
}
