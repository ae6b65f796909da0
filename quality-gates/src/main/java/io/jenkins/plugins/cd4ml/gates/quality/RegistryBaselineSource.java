package io.jenkins.plugins.cd4ml.gates.quality;

import io.jenkins.plugins.cd4ml.registry.ArtifactRef;
import io.jenkins.plugins.cd4ml.registry.DatasetRef;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Names;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The baseline is the model that is serving: the version an alias of the registry points at
 * (default {@value #DEFAULT_ALIAS}), with the evaluation predictions stored when it was registered.
 *
 * <p>Convention: a version's evaluation predictions are the artifact
 * {@code evaluation/predictions.<ext>} ({@link #predictionsArtifactPath}: {@code .csv},
 * {@code .jsonl}, … as the file was); {@code cd4ml registry register --evaluation-predictions FILE}
 * and the {@code registerModel} step store them there. The digest of the version's first
 * evaluation data set ({@code Provenance.evaluationData()}) becomes the baseline's data digest, so
 * the evaluator refuses to compare models scored on different data.
 *
 * <p>No alias (or no such model) means no baseline: gates comparing with one report NO_BASELINE.
 */
public final class RegistryBaselineSource implements BaselineSource {
    /** The alias used when none is given. */
    public static final String DEFAULT_ALIAS = "production";

    /** The artifact path of a version's evaluation predictions, without the extension. */
    public static final String PREDICTIONS_ARTIFACT = "evaluation/predictions";

    private final ModelRegistry registry;
    private final String model;
    private final String alias;
    private final Path workDirectory;

    /**
     * @param registry the registry
     * @param model the registered model
     * @param alias the alias naming the serving version ({@code null}: {@value #DEFAULT_ALIAS})
     * @param workDirectory an existing directory the baseline's predictions are fetched into; the
     *     caller deletes it when done
     */
    public RegistryBaselineSource(ModelRegistry registry, String model, String alias, Path workDirectory) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.model = Names.requireModelName(model);
        this.alias = alias == null || alias.isBlank() ? DEFAULT_ALIAS : Names.requireAlias(alias);
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
    }

    /**
     * @param predictionsFileName the evaluation predictions file's name, e.g. {@code preds.csv}
     * @return where that file is stored in a version: {@code evaluation/predictions.csv}
     */
    public static String predictionsArtifactPath(String predictionsFileName) {
        String name = predictionsFileName.toLowerCase(Locale.ROOT);
        for (String extension : List.of(".csv.gz", ".jsonl.gz", ".csv", ".jsonl", ".ndjson", ".json", ".tsv")) {
            if (name.endsWith(extension)) {
                return PREDICTIONS_ARTIFACT + extension;
            }
        }
        int dot = name.lastIndexOf('.');
        return PREDICTIONS_ARTIFACT + (dot > 0 ? name.substring(dot) : ".csv");
    }

    /**
     * @param version a registered version
     * @return its evaluation predictions artifact, if it has one
     */
    public static Optional<ArtifactRef> predictionsArtifact(ModelVersion version) {
        return version.artifacts().stream()
                .filter(artifact -> artifact.path().startsWith(PREDICTIONS_ARTIFACT + "."))
                .findFirst();
    }

    @Override
    public Optional<Baseline> resolve() throws InvalidInputException {
        SourceLocation where = SourceLocation.ofFile(registry.backend() + " registry, model " + model + " alias "
                + alias);
        try {
            Optional<ModelVersion> serving = registry.resolveAlias(model, alias);
            if (serving.isEmpty()) {
                return Optional.empty();
            }
            ModelVersion version = serving.get();
            ArtifactRef artifact = predictionsArtifact(version).orElseThrow(() -> new InvalidInputException(where,
                    "version " + version.version() + " has no evaluation predictions (expected an artifact '"
                            + PREDICTIONS_ARTIFACT + ".csv' or '.jsonl'; register with --evaluation-predictions)"));
            String fileName = artifact.path().substring(artifact.path().lastIndexOf('/') + 1);
            Path target = workDirectory.resolve("baseline-" + UUID.randomUUID() + "-" + fileName);
            registry.fetchArtifact(model, version.version(), artifact.path(), target);
            String dataDigest = version.provenance().evaluationData().stream()
                    .map(DatasetRef::digest).findFirst().orElse(null);
            return Optional.of(new Baseline(model + ":" + version.version(), target, dataDigest));
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(where, "cannot fetch the baseline: " + e.getMessage(), e);
        }
    }
}
