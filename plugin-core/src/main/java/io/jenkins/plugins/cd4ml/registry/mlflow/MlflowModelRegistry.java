package io.jenkins.plugins.cd4ml.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.registry.Approval;
import io.jenkins.plugins.cd4ml.registry.ApprovalStatus;
import io.jenkins.plugins.cd4ml.registry.ArtifactRef;
import io.jenkins.plugins.cd4ml.registry.ArtifactSource;
import io.jenkins.plugins.cd4ml.registry.AuditEntry;
import io.jenkins.plugins.cd4ml.registry.AuditEvent;
import io.jenkins.plugins.cd4ml.registry.AuditReplay;
import io.jenkins.plugins.cd4ml.registry.DeploymentRecord;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Names;
import io.jenkins.plugins.cd4ml.registry.NotFoundException;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.RegistryException;
import io.jenkins.plugins.cd4ml.registry.VersionRecord;
import io.jenkins.plugins.cd4ml.registry.mlflow.MlflowClient.MlflowException;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An MLflow tracking server's model registry (REST API 2.0) as a {@link ModelRegistry}. MLflow
 * numbers the versions; artifacts go content-addressed through the artifact proxy
 * ({@code mlflow-artifacts:/cd4ml/blobs/sha256/…}); the lineage is one JSON artifact per
 * registration, referenced by the version's {@code cd4ml.record} tag; the approval is one tag
 * ({@code cd4ml.approval}, so it changes atomically); aliases are MLflow aliases; the audit log is
 * registered-model tags {@code cd4ml.audit.<time>.<id>}.
 *
 * <p>Idempotency: {@code model-versions/create} is not idempotent in MLflow, so a registration
 * first searches for a version carrying its {@code cd4ml.client_token} tag, and a create whose
 * answer was lost is never blindly retried: the search runs again first.
 */
public final class MlflowModelRegistry implements ModelRegistry {
    static final String TOKEN_TAG = "cd4ml.client_token";
    static final String RECORD_TAG = "cd4ml.record";
    static final String APPROVAL_TAG = "cd4ml.approval";
    static final String AUDIT_TAG = "cd4ml.audit.";
    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectReader RECORD = Json.mapper().readerFor(VersionRecord.class);
    private static final ObjectReader APPROVAL = Json.mapper().readerFor(Approval.class);
    private static final ObjectReader ENTRY = Json.mapper().readerFor(AuditEntry.class);

    private final MlflowClient client;
    private final Clock clock;
    private final Map<String, VersionRecord> records = new java.util.concurrent.ConcurrentHashMap<>();

    MlflowModelRegistry(MlflowClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /**
     * @param trackingUri the tracking server, e.g. {@code https://mlflow.example.com}
     * @param token a bearer token resolved by the caller (Jenkins credentials, {@code MLFLOW_TRACKING_TOKEN}), or empty
     * @return the registry
     */
    public static MlflowModelRegistry connect(URI trackingUri, Optional<String> token) {
        return new MlflowModelRegistry(new MlflowClient(trackingUri, token, MlflowClient.Settings.DEFAULT),
                Clock.systemUTC());
    }

    @Override
    public String backend() {
        return "mlflow";
    }

    @Override
    public ModelVersion register(Registration registration) throws InvalidInputException, IOException {
        for (ArtifactSource source : registration.artifacts()) {
            if (!Files.isRegularFile(source.file()) || !Files.isReadable(source.file())) {
                throw new InvalidInputException(SourceLocation.ofFile(source.file().toString()),
                        "artifact not found or not readable (expected a regular file)");
            }
        }
        String model = registration.model();
        ensureModel(model);
        Optional<JsonNode> existing = findByToken(model, registration.clientToken());
        if (existing.isPresent()) {
            return toVersion(existing.get(), modelInfo(model));
        }
        List<ArtifactRef> artifacts = new ArrayList<>();
        for (ArtifactSource source : registration.artifacts()) {
            String digest = ContentDigest.sha256(source.file());
            String path = blobPath(digest);
            client.put(path, source.file());
            artifacts.add(new ArtifactRef(source.path(), digest, Files.size(source.file()), "mlflow-artifacts:/" + path));
        }
        VersionRecord record = VersionRecord.of(registration, artifacts);
        String recordPath = "cd4ml/records/" + model + "/" + ContentDigest.hex(ContentDigest.sha256(
                registration.clientToken().getBytes(StandardCharsets.UTF_8))) + ".json";
        client.put(recordPath, Json.mapper().writeValueAsBytes(record));
        Instant now = clock.instant();
        Approval initial = new Approval(registration.initialStatus(), registration.registeredBy(), now, "registered");
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", model);
        create.put("source", "mlflow-artifacts:/" + recordPath.substring(0, recordPath.lastIndexOf('/')));
        create.put("description", registration.description());
        create.put("tags", List.of(tag(TOKEN_TAG, registration.clientToken()), tag(RECORD_TAG, recordPath),
                tag(APPROVAL_TAG, COMPACT.writeValueAsString(initial))));
        JsonNode created;
        try {
            created = client.post("model-versions/create", create, false).path("model_version");
        } catch (IOException e) {
            // the version may exist although the answer was lost: look before trying again
            Optional<JsonNode> after = findByToken(model, registration.clientToken());
            created = after.isPresent() ? after.get()
                    : client.post("model-versions/create", create, false).path("model_version");
        }
        ModelVersion version = toVersion(created, modelInfo(model));
        audit(model, new AuditEntry(new AuditEvent(model, AuditEvent.Action.REGISTER,
                Integer.toString(version.version()), "", initial.status().name(), registration.registeredBy(), now,
                registration.description()), null));
        return version;
    }

    @Override
    public List<String> listModels() throws IOException {
        List<String> names = new ArrayList<>();
        String page = "";
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("max_results", "100");
            if (!page.isEmpty()) {
                query.put("page_token", page);
            }
            JsonNode response = client.get("registered-models/search", query);
            response.path("registered_models").forEach(m -> names.add(m.path("name").asText()));
            page = response.path("next_page_token").asText("");
        } while (!page.isEmpty());
        names.sort(null);
        return names;
    }

    @Override
    public List<ModelVersion> listVersions(String model) throws IOException {
        JsonNode info = modelInfo(model).orElseThrow(() -> new NotFoundException("unknown model '" + model + "'"));
        List<ModelVersion> versions = new ArrayList<>();
        for (JsonNode v : search(model)) {
            versions.add(toVersion(v, Optional.of(info)));
        }
        versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return versions;
    }

    @Override
    public Optional<ModelVersion> getVersion(String model, int version) throws IOException {
        Names.requireModelName(model);
        Optional<JsonNode> found = rawVersion(model, version);
        return found.isEmpty() ? Optional.empty() : Optional.of(toVersion(found.get(), modelInfo(model)));
    }

    @Override
    public ModelVersion setApproval(String model, int version, Approval decision) throws IOException {
        ModelVersion current = requireVersion(model, version);
        client.post("model-versions/set-tag", Map.of("name", model, "version", Integer.toString(version), "key",
                APPROVAL_TAG, "value", COMPACT.writeValueAsString(decision)), true);
        if (decision.status() == ApprovalStatus.REJECTED) {
            client.post("model-versions/transition-stage", Map.of("name", model, "version",
                    Integer.toString(version), "stage", "Archived", "archive_existing_versions", false), true);
        }
        audit(model, new AuditEntry(new AuditEvent(model, AuditEvent.Action.APPROVAL, Integer.toString(version),
                current.approval().status().name(), decision.status().name(), decision.by(), decision.at(),
                decision.reason()), null));
        return requireVersion(model, version);
    }

    @Override
    public AuditEvent setAlias(String model, String alias, int version, String by, String reason)
            throws IOException {
        Names.requireAlias(alias);
        requireVersion(model, version);
        Integer from = aliases(model).get(alias);
        client.post("registered-models/alias", Map.of("name", model, "alias", alias, "version",
                Integer.toString(version)), true);
        AuditEvent event = new AuditEvent(model, AuditEvent.Action.ALIAS, alias, from == null ? "" : from.toString(),
                Integer.toString(version), by, clock.instant(), reason);
        audit(model, new AuditEntry(event, null));
        return event;
    }

    @Override
    public Map<String, Integer> aliases(String model) throws IOException {
        return aliasesOf(modelInfo(model).orElseThrow(() -> new NotFoundException("unknown model '" + model + "'")));
    }

    @Override
    public void recordDeployment(String model, int version, DeploymentRecord deployment) throws IOException {
        requireVersion(model, version);
        audit(model, new AuditEntry(new AuditEvent(model, AuditEvent.Action.DEPLOYMENT, Integer.toString(version),
                "", deployment.environment(), deployment.by(), deployment.at(), deployment.outcome()), deployment));
    }

    @Override
    public List<AuditEvent> auditLog(String model) throws IOException {
        return replay(modelInfo(model).orElseThrow(() -> new NotFoundException("unknown model '" + model + "'")))
                .events();
    }

    @Override
    public InputStream openArtifact(String model, int version, String path) throws IOException {
        ArtifactRef artifact = requireVersion(model, version).artifact(path).orElseThrow(() ->
                new NotFoundException("version " + model + " v" + version + " has no artifact '" + path + "'"));
        return client.download(blobPath(artifact.digest()));
    }

    private void ensureModel(String model) throws IOException {
        if (modelInfo(model).isPresent()) {
            return;
        }
        try {
            client.post("registered-models/create", Map.of("name", model,
                    "description", "Registered by cd4ml"), true);
        } catch (MlflowException e) {
            if (!"RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
                throw e;
            }
        }
    }

    private Optional<JsonNode> modelInfo(String model) throws IOException {
        Names.requireModelName(model);
        try {
            return Optional.of(client.get("registered-models/get", Map.of("name", model)).path("registered_model"));
        } catch (MlflowException e) {
            if (e.status() == 404 || "RESOURCE_DOES_NOT_EXIST".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Optional<JsonNode> rawVersion(String model, int version) throws IOException {
        if (version < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.get("model-versions/get", Map.of("name", model, "version",
                    Integer.toString(version))).path("model_version"));
        } catch (MlflowException e) {
            if (e.status() == 404 || "RESOURCE_DOES_NOT_EXIST".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<JsonNode> search(String model) throws IOException {
        List<JsonNode> versions = new ArrayList<>();
        String page = "";
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("filter", "name='" + model + "'");
            query.put("max_results", "200");
            if (!page.isEmpty()) {
                query.put("page_token", page);
            }
            JsonNode response = client.get("model-versions/search", query);
            response.path("model_versions").forEach(versions::add);
            page = response.path("next_page_token").asText("");
        } while (!page.isEmpty());
        return versions;
    }

    private Optional<JsonNode> findByToken(String model, String token) throws IOException {
        for (JsonNode version : search(model)) {
            if (token.equals(tags(version).get(TOKEN_TAG))) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    private ModelVersion toVersion(JsonNode v, Optional<JsonNode> modelInfo) throws IOException {
        Map<String, String> tags = tags(v);
        String recordPath = tags.get(RECORD_TAG);
        if (recordPath == null) {
            throw new RegistryException("MLflow version " + v.path("name").asText() + " v" + v.path("version").asText()
                    + " was not registered by cd4ml (no " + RECORD_TAG + " tag)");
        }
        VersionRecord record = record(recordPath);
        int number = Integer.parseInt(v.path("version").asText());
        Instant created = Instant.ofEpochMilli(v.path("creation_timestamp").asLong());
        Approval approval = tags.containsKey(APPROVAL_TAG) ? APPROVAL.readValue(tags.get(APPROVAL_TAG))
                : new Approval(ApprovalStatus.PENDING_MANUAL_APPROVAL, record.registeredBy(), created, "registered");
        List<String> aliases = new ArrayList<>();
        v.path("aliases").forEach(a -> aliases.add(a.asText()));
        aliases.sort(null);
        List<DeploymentRecord> deployments = modelInfo.isPresent() ? replay(modelInfo.get()).of(number).deployments()
                : List.of();
        return record.toVersion(v.path("name").asText(), number, created, approval, aliases, deployments);
    }

    private VersionRecord record(String path) throws IOException {
        VersionRecord cached = records.get(path);
        if (cached == null) {
            try (InputStream in = client.download(path)) {
                cached = RECORD.readValue(in);
            }
            records.put(path, cached);
        }
        return cached;
    }

    private void audit(String model, AuditEntry entry) throws IOException {
        String key = String.format("%s%013d.%s", AUDIT_TAG, entry.event().at().toEpochMilli(),
                UUID.randomUUID().toString().substring(0, 8));
        client.post("registered-models/set-tag", Map.of("name", model, "key", key, "value",
                COMPACT.writeValueAsString(entry)), true);
    }

    private static AuditReplay replay(JsonNode modelInfo) throws IOException {
        TreeMap<String, String> audit = new TreeMap<>();
        tags(modelInfo).forEach((k, value) -> {
            if (k.startsWith(AUDIT_TAG)) {
                audit.put(k, value);
            }
        });
        List<AuditEntry> entries = new ArrayList<>();
        for (String value : audit.values()) {
            entries.add(ENTRY.readValue(value));
        }
        return new AuditReplay(entries);
    }

    private static Map<String, Integer> aliasesOf(JsonNode modelInfo) {
        Map<String, Integer> aliases = new TreeMap<>();
        modelInfo.path("aliases").forEach(a -> aliases.put(a.path("alias").asText(),
                Integer.parseInt(a.path("version").asText())));
        return aliases;
    }

    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = new HashMap<>();
        node.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
        return tags;
    }

    private static Map<String, String> tag(String key, String value) {
        return Map.of("key", key, "value", value);
    }

    private static String blobPath(String digest) {
        String hex = ContentDigest.hex(digest);
        return "cd4ml/blobs/sha256/" + hex.substring(0, 2) + "/" + hex;
    }
}
