package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.registry.ArtifactRef;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.NotFoundException;
import io.jenkins.plugins.cd4ml.registry.embedded.EmbeddedModelRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Deployment's view of a {@link ModelRegistry}: the glue between the two areas, so the engine never
 * sees registry types and the registry never sees deployment types.
 *
 * <ul>
 * <li>{@link #find}: the version's approval and the location of its deployable artifact (the first
 * artifact named {@code model.json} or {@code model.tar.gz}, else the first artifact). An embedded
 * store's blobs are local files and are given as absolute paths (the {@code local} target reads them);
 * other backends' locations ({@code s3://…}) are passed on as they are.</li>
 * <li>{@link #moveAlias}: {@link ModelRegistry#setAlias} with the reason {@code "deployed by …"}, so
 * the audit log says which deployment moved it.</li>
 * <li>{@link #recordDeployment}: the full timeline ({@link DeploymentRecord}) is kept by the
 * {@link DeploymentStore}; the registry gets its lineage summary ({@link #lineageOf}) so
 * {@code cd4ml lineage} lists the environments a version went to, with outcome and build.</li>
 * </ul>
 * Registry versions are numbers; a deployment's version is their decimal text. Use
 * {@link #resolve} first to turn an alias (or a number given as text) into that text.
 */
public final class RegistryDeployableVersions implements DeployableVersions {
    /** Artifact file names preferred as "the model" when a version holds several files. */
    static final List<String> MODEL_FILE_NAMES = List.of("model.json", "model.tar.gz");

    private final ModelRegistry registry;
    private final String deployedBy;
    private final String buildUrl;

    /**
     * @param registry the registry (not closed by this class)
     * @param deployedBy who deploys (a user, {@code cd4ml deploy}, a build's name), for aliases and lineage
     * @param buildUrl the deploying build, or empty
     */
    public RegistryDeployableVersions(ModelRegistry registry, String deployedBy, String buildUrl) {
        this.registry = registry;
        this.deployedBy = deployedBy == null || deployedBy.isBlank() ? "unknown" : deployedBy;
        this.buildUrl = buildUrl == null ? "" : buildUrl;
    }

    /**
     * Turns what a user wrote ({@code 7} or an alias such as {@code staging}) into the version number.
     *
     * @param model the registered model
     * @param versionOrAlias a version number or an alias
     * @return the version's number as text, or empty when the model has no such version or alias
     * @throws IOException when the registry cannot be read
     */
    public Optional<String> resolve(String model, String versionOrAlias) throws IOException {
        Optional<Integer> number = number(versionOrAlias);
        Optional<ModelVersion> found = number.isPresent() ? registry.getVersion(model, number.get())
                : registry.resolveAlias(model, versionOrAlias);
        return found.map(version -> Integer.toString(version.version()));
    }

    @Override
    public Optional<DeployableVersion> find(String model, String version) throws IOException {
        Optional<Integer> number = number(version);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        Optional<ModelVersion> found = registry.getVersion(model, number.get());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DeployableVersion(model, version,
                ApprovalStatus.valueOf(found.get().approval().status().name()), artifactLocation(found.get())));
    }

    @Override
    public Optional<String> versionOf(String model, String alias) throws IOException {
        try {
            return Optional.ofNullable(registry.aliases(model).get(alias)).map(String::valueOf);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void moveAlias(String model, String alias, String version) throws IOException {
        registry.setAlias(model, alias, requireNumber(version), deployedBy, "deployed by " + deployedBy);
    }

    @Override
    public void recordDeployment(DeploymentRecord record) throws IOException {
        registry.recordDeployment(record.model(), requireNumber(record.version()),
                lineageOf(record, deployedBy, buildUrl));
    }

    /**
     * The one mapping from a deployment's full record to the registry's lineage entry.
     *
     * @param record a finished (or refused) deployment
     * @param by who deployed
     * @param buildUrl the deploying build, or empty
     * @return the registry's record: environment, strategy name, outcome, who, when it finished, build
     */
    public static io.jenkins.plugins.cd4ml.registry.DeploymentRecord lineageOf(DeploymentRecord record, String by,
            String buildUrl) {
        Instant at = record.finishedAt() != null ? record.finishedAt() : record.startedAt();
        String outcome = record.outcome() == null ? "IN_PROGRESS" : record.outcome().name();
        return new io.jenkins.plugins.cd4ml.registry.DeploymentRecord(record.environment(),
                record.strategy() == null ? "" : record.strategy().name(), outcome, by, at, buildUrl);
    }

    private String artifactLocation(ModelVersion version) throws IOException {
        ArtifactRef artifact = version.artifacts().stream()
                .min(Comparator.comparingInt(RegistryDeployableVersions::preference))
                .orElseThrow(() -> new IOException("version " + version.name() + " v" + version.version()
                        + " has no artifacts to deploy"));
        if (registry instanceof EmbeddedModelRegistry embedded) {
            return embedded.blobPath(artifact.digest()).toAbsolutePath().toString();
        }
        return artifact.location();
    }

    private static int preference(ArtifactRef artifact) {
        String path = artifact.path();
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        int index = MODEL_FILE_NAMES.indexOf(fileName);
        return index < 0 ? MODEL_FILE_NAMES.size() : index;
    }

    private static Optional<Integer> number(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }

    private static int requireNumber(String version) throws IOException {
        return number(version).orElseThrow(() -> new IOException("not a registry version number: '" + version
                + "' (resolve aliases first)"));
    }
}
