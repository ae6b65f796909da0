package io.jenkins.plugins.cd4ml.registry.sagemaker;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.registry.ArtifactRef;
import io.jenkins.plugins.cd4ml.registry.GateResult;
import io.jenkins.plugins.cd4ml.registry.Provenance;
import java.util.List;
import java.util.Map;

/**
 * The part of a version SageMaker has no field for, kept as one immutable S3 object per
 * registration and referenced from the model package's customer metadata.
 */
record StoredRecord(String description, List<ArtifactRef> artifacts, Map<String, Double> metrics,
        List<GateResult> gates, boolean failedGatesAccepted, Provenance provenance, Map<String, String> tags,
        String registeredBy, String clientToken) {
    @JsonProperty(value = "schemaVersion", access = JsonProperty.Access.READ_ONLY)
    String schemaVersion() {
        return Json.SCHEMA_VERSION;
    }
}
