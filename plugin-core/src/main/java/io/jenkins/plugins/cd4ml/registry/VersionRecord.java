package io.jenkins.plugins.cd4ml.registry;

import java.io.Serializable;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.cd4ml.json.Json;
import java.util.List;
import java.util.Map;

/**
 * The immutable part of a version that a server-side registry has no fields for (lineage,
 * artifacts with digests, gates), stored by the SageMaker and MLflow backends as one JSON object
 * per registration and referenced from the server's version.
 *
 * @param description free text
 * @param artifacts the stored artifacts
 * @param metrics evaluation metrics
 * @param gates gate verdicts
 * @param failedGatesAccepted whether failed gates were accepted
 * @param provenance how it was made
 * @param tags free labels
 * @param registeredBy who registered it
 * @param clientToken the idempotency token
 */
public record VersionRecord(String description, List<ArtifactRef> artifacts, Map<String, Double> metrics,
        List<GateResult> gates, boolean failedGatesAccepted, Provenance provenance, Map<String, String> tags,
        String registeredBy, String clientToken) implements Serializable {

    /**
     * @param registration the request
     * @param artifacts where its artifacts were stored
     * @return the record to store
     */
    public static VersionRecord of(Registration registration, List<ArtifactRef> artifacts) {
        return new VersionRecord(registration.description(), artifacts, registration.metrics(), registration.gates(),
                registration.failedGatesAccepted(), registration.provenance(), registration.tags(),
                registration.registeredBy(), registration.clientToken());
    }

    /** @return the JSON schema version of this document */
    @JsonProperty(value = "schemaVersion", access = JsonProperty.Access.READ_ONLY)
    public String schemaVersion() {
        return Json.SCHEMA_VERSION;
    }

    /**
     * @param name the model
     * @param version the server-assigned number
     * @param registeredAt the server's creation time
     * @param approval the current approval
     * @param aliases aliases pointing at it
     * @param deployments its deployments
     * @return the full version
     */
    public ModelVersion toVersion(String name, int version, java.time.Instant registeredAt, Approval approval,
            List<String> aliases, List<DeploymentRecord> deployments) {
        return new ModelVersion(name, version, registeredAt, registeredBy, description, artifacts, metrics, gates,
                failedGatesAccepted, provenance, tags, clientToken, approval, aliases, deployments);
    }
}
