package io.jenkins.plugins.cd4ml.registry;

import java.io.Serializable;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.cd4ml.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered, immutable model version with its lineage, plus its current approval, aliases and
 * deployments (the only parts that change after registration, each change audited).
 *
 * @param name the registered model
 * @param version 1, 2, 3… in registration order, without gaps
 * @param registeredAt when
 * @param registeredBy who
 * @param description free text
 * @param artifacts the stored files
 * @param metrics evaluation metrics of the producing build
 * @param gates quality gate verdicts of the producing build
 * @param failedGatesAccepted whether failed gates were accepted on registration
 * @param provenance build, code, data, parameters
 * @param tags free labels
 * @param clientToken the idempotency token it was registered with
 * @param approval the current approval decision
 * @param aliases the aliases pointing at this version now
 * @param deployments where it was deployed, oldest first
 */
public record ModelVersion(String name, int version, Instant registeredAt, String registeredBy, String description,
        List<ArtifactRef> artifacts, Map<String, Double> metrics, List<GateResult> gates, boolean failedGatesAccepted,
        Provenance provenance, Map<String, String> tags, String clientToken, Approval approval, List<String> aliases,
        List<DeploymentRecord> deployments) implements Serializable {
    /** Normalises to immutable values. */
    public ModelVersion {
        Names.requireModelName(name);
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1: " + version);
        }
        Objects.requireNonNull(registeredAt, "registeredAt");
        description = description == null ? "" : description;
        artifacts = List.copyOf(artifacts);
        metrics = Provenance.sorted(metrics);
        gates = gates == null ? List.of() : List.copyOf(gates);
        provenance = provenance == null ? Provenance.NONE : provenance;
        tags = Provenance.sorted(tags);
        clientToken = clientToken == null ? "" : clientToken;
        Objects.requireNonNull(approval, "approval");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
    }

    /**
     * The version a registration becomes, before any approval change, alias or deployment.
     *
     * @param registration the request
     * @param version the assigned number
     * @param at when
     * @param artifacts the stored artifacts
     * @return the new version
     */
    public static ModelVersion of(Registration registration, int version, Instant at, List<ArtifactRef> artifacts) {
        Approval approval = new Approval(registration.initialStatus(), registration.registeredBy(), at, "registered");
        return new ModelVersion(registration.model(), version, at, registration.registeredBy(),
                registration.description(), artifacts, registration.metrics(), registration.gates(),
                registration.failedGatesAccepted(), registration.provenance(), registration.tags(),
                registration.clientToken(), approval, List.of(), List.of());
    }

    /** @return the JSON schema version of this document */
    @JsonProperty(value = "schemaVersion", access = JsonProperty.Access.READ_ONLY)
    public String schemaVersion() {
        return Json.SCHEMA_VERSION;
    }

    /**
     * @param value the current approval, aliases and deployments
     * @return this version with that state
     */
    public ModelVersion withState(VersionState value) {
        return new ModelVersion(name, version, registeredAt, registeredBy, description, artifacts, metrics, gates,
                failedGatesAccepted, provenance, tags, clientToken, value.approval().orElse(approval),
                value.aliases(), value.deployments());
    }

    /**
     * @param path an artifact path
     * @return the artifact with that path
     */
    public Optional<ArtifactRef> artifact(String path) {
        return artifacts.stream().filter(a -> a.path().equals(path)).findFirst();
    }

    /**
     * The mutable part of a version, derived from the audit log.
     *
     * @param approval the latest approval decision, if any since registration
     * @param aliases aliases pointing here
     * @param deployments deployments of this version
     */
    public record VersionState(Optional<Approval> approval, List<String> aliases, List<DeploymentRecord> deployments) {
        /** Nothing changed since registration. */
        public static final VersionState NONE = new VersionState(Optional.empty(), List.of(), List.of());
    }
}
