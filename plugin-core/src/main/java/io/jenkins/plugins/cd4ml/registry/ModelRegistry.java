package io.jenkins.plugins.cd4ml.registry;

import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model registry: registered models with immutable, numbered versions, approval decisions,
 * aliases and an audit log. Every backend (embedded directory store, SageMaker Model Registry,
 * MLflow) passes the same contract test suite.
 *
 * <p>Contract: versions are numbered 1, 2, 3… per model with no gap or duplicate, even under
 * concurrent registration; a version is visible completely or not at all; alias moves and approval
 * changes are atomic and appear in {@link #auditLog(String)}. Implementations are thread-safe.
 * Credentials are resolved by the caller and passed to the backend's factory; no method prints them.
 */
public interface ModelRegistry extends Closeable {
    /** @return the backend's short name: {@code embedded}, {@code sagemaker} or {@code mlflow} */
    String backend();

    /**
     * Stores the artifacts and publishes a new version. Registering again with the same
     * {@link Registration#clientToken()} returns the version registered first instead of a new one.
     *
     * @param registration what to register
     * @return the new (or idempotently re-found) version
     * @throws InvalidInputException if an artifact file is missing or unreadable
     * @throws IOException if the backend fails
     */
    ModelVersion register(Registration registration) throws InvalidInputException, IOException;

    /**
     * @return the names of all registered models, sorted
     * @throws IOException if the backend fails
     */
    List<String> listModels() throws IOException;

    /**
     * @param model a registered model
     * @return its versions, oldest first, with current approval, aliases and deployments
     * @throws NotFoundException if the model does not exist
     * @throws IOException if the backend fails
     */
    List<ModelVersion> listVersions(String model) throws IOException;

    /**
     * @param model a registered model
     * @param version a version number
     * @return the version, or empty if the model or version does not exist
     * @throws IOException if the backend fails
     */
    Optional<ModelVersion> getVersion(String model, int version) throws IOException;

    /**
     * Records an approval decision (approve, reject, or back to pending).
     *
     * @param model the model
     * @param version the version
     * @param decision status, who, when, why
     * @return the version with its new approval
     * @throws NotFoundException if the version does not exist
     * @throws IOException if the backend fails
     */
    ModelVersion setApproval(String model, int version, Approval decision) throws IOException;

    /**
     * Points an alias at a version, atomically replacing what it pointed at, and audits the move.
     *
     * @param model the model
     * @param alias the alias ({@link Names#requireAlias})
     * @param version the version it points at from now on
     * @param by who
     * @param reason why
     * @return the audit entry (with the previous version in {@code from}, empty if new)
     * @throws NotFoundException if the version does not exist
     * @throws IOException if the backend fails
     */
    AuditEvent setAlias(String model, String alias, int version, String by, String reason) throws IOException;

    /**
     * @param model the model
     * @return alias name to version number
     * @throws NotFoundException if the model does not exist
     * @throws IOException if the backend fails
     */
    Map<String, Integer> aliases(String model) throws IOException;

    /**
     * @param model the model
     * @param alias an alias
     * @return the version the alias points at, or empty if the model or alias does not exist
     * @throws IOException if the backend fails
     */
    default Optional<ModelVersion> resolveAlias(String model, String alias) throws IOException {
        Integer version;
        try {
            version = aliases(model).get(alias);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        return version == null ? Optional.empty() : getVersion(model, version);
    }

    /**
     * Records that a version was deployed somewhere (the deployment area's extension point).
     *
     * @param model the model
     * @param version the version
     * @param deployment where, how, outcome
     * @throws NotFoundException if the version does not exist
     * @throws IOException if the backend fails
     */
    void recordDeployment(String model, int version, DeploymentRecord deployment) throws IOException;

    /**
     * @param model the model
     * @return its audit log, oldest first: registrations, approvals, alias moves, deployments
     * @throws NotFoundException if the model does not exist
     * @throws IOException if the backend fails
     */
    List<AuditEvent> auditLog(String model) throws IOException;

    /**
     * Opens an artifact for reading; the caller closes the stream.
     *
     * @param model the model
     * @param version the version
     * @param path the artifact's path inside the model
     * @return its content
     * @throws NotFoundException if the version or artifact does not exist
     * @throws IOException if the backend fails
     */
    InputStream openArtifact(String model, int version, String path) throws IOException;

    /**
     * @param model the model
     * @param version the version
     * @return the version
     * @throws NotFoundException if it does not exist
     * @throws IOException if the backend fails
     */
    default ModelVersion requireVersion(String model, int version) throws IOException {
        return getVersion(model, version).orElseThrow(() -> NotFoundException.version(model, version));
    }

    /**
     * Copies an artifact to a new local file and checks its content digest on the way, e.g. to
     * fetch the production model's evaluation predictions as a quality-gate baseline.
     *
     * @param model the model
     * @param version the version
     * @param path the artifact's path inside the model
     * @param target a file that must not exist yet (nothing the user owns is overwritten)
     * @return the artifact's record
     * @throws NotFoundException if the version or artifact does not exist
     * @throws RegistryException if the content does not match the registered digest
     * @throws IOException if reading or writing fails, or the target exists
     */
    default ArtifactRef fetchArtifact(String model, int version, String path, Path target) throws IOException {
        ArtifactRef artifact = requireVersion(model, version).artifact(path).orElseThrow(() ->
                new NotFoundException("version " + model + " v" + version + " has no artifact '" + path + "'"));
        Path absolute = target.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part-" + java.util.UUID.randomUUID());
        try {
            ContentDigest.Copied copied;
            try (InputStream in = openArtifact(model, version, path);
                    OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW)) {
                copied = ContentDigest.copy(in, out);
            }
            if (!copied.digest().equals(artifact.digest())) {
                throw new RegistryException("artifact " + path + " of " + model + " v" + version + " is corrupt: "
                        + "expected " + artifact.digest() + ", read " + copied.digest());
            }
            Files.move(partial, absolute);
            return artifact;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    default void close() throws IOException {
    }
}
