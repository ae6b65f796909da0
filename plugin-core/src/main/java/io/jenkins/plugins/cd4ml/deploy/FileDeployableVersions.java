package io.jenkins.plugins.cd4ml.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A small file-based stand-in for the model registry, used by {@code cd4ml deploy} until the CLI
 * talks to the registry itself. One JSON file holds versions (approval, artifact), aliases and the
 * last {@value #KEPT_DEPLOYMENTS} deployments; every change is a locked read-modify-write followed by
 * an atomic replace, so concurrent deployments to different environments never lose an alias move.
 *
 * <pre>{@code
 * {"schemaVersion": "1.0",
 *  "models": {"credit-risk": {"versions": {"7": {"approval": "APPROVED", "artifact": "/abs/dir"}},
 *                             "aliases": {"staging": "7"}}},
 *  "deployments": [ {DeploymentRecord}, ... ]}
 * }</pre>
 */
public final class FileDeployableVersions implements DeployableVersions {
    /** How many deployment records the file keeps. */
    public static final int KEPT_DEPLOYMENTS = 100;

    private final Path file;

    /** @param file the state file; created on first write */
    public FileDeployableVersions(Path file) {
        this.file = file;
    }

    /**
     * Registers a version, or updates its artifact; approval is set when given, otherwise kept (a new
     * version starts as {@link ApprovalStatus#PENDING_MANUAL_APPROVAL}).
     *
     * @param model the model
     * @param version the version
     * @param artifactUri its artifact
     * @param approval the approval to set, or {@code null} to keep
     * @throws IOException when the file cannot be written
     */
    public void register(String model, String version, String artifactUri, ApprovalStatus approval)
            throws IOException {
        update(root -> {
            ObjectNode entry = versionsOf(root, model).withObjectProperty(version);
            entry.put("artifact", artifactUri);
            if (approval != null) {
                entry.put("approval", approval.name());
            } else if (!entry.has("approval")) {
                entry.put("approval", ApprovalStatus.PENDING_MANUAL_APPROVAL.name());
            }
        });
    }

    @Override
    public Optional<DeployableVersion> find(String model, String version) throws IOException {
        JsonNode entry = read().path("models").path(model).path("versions").path(version);
        if (entry.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new DeployableVersion(model, version,
                ApprovalStatus.valueOf(entry.path("approval").asText(ApprovalStatus.PENDING_MANUAL_APPROVAL.name())),
                entry.path("artifact").asText()));
    }

    @Override
    public Optional<String> versionOf(String model, String alias) throws IOException {
        JsonNode version = read().path("models").path(model).path("aliases").path(alias);
        return version.isTextual() ? Optional.of(version.asText()) : Optional.empty();
    }

    @Override
    public void moveAlias(String model, String alias, String version) throws IOException {
        update(root -> ((ObjectNode) root.withObjectProperty("models").withObjectProperty(model))
                .withObjectProperty("aliases").put(alias, version));
    }

    @Override
    public void recordDeployment(DeploymentRecord record) throws IOException {
        update(root -> {
            ArrayNode deployments = root.withArrayProperty("deployments");
            deployments.add(Json.mapper().valueToTree(record));
            while (deployments.size() > KEPT_DEPLOYMENTS) {
                deployments.remove(0);
            }
        });
    }

    private static ObjectNode versionsOf(ObjectNode root, String model) {
        return root.withObjectProperty("models").withObjectProperty(model).withObjectProperty("versions");
    }

    private ObjectNode read() throws IOException {
        if (!Files.exists(file)) {
            return Json.mapper().createObjectNode();
        }
        JsonNode root = Json.mapper().readTree(file.toFile());
        if (!(root instanceof ObjectNode object)) {
            throw new IOException(file + ": expected a JSON object");
        }
        return object;
    }

    private interface Change {
        void apply(ObjectNode root);
    }

    private synchronized void update(Change change) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path lockFile = parent.resolve(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            ObjectNode root = read();
            root.put("schemaVersion", Json.SCHEMA_VERSION);
            change.apply(root);
            FileDeploymentStore.AtomicFiles.write(file.toAbsolutePath(), Json.mapper().writeValueAsBytes(root));
        }
    }
}
