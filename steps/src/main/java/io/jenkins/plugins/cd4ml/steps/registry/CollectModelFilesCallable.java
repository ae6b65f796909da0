package io.jenkins.plugins.cd4ml.steps.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.cd4ml.gates.quality.RegistryBaselineSource;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.registry.DatasetRef;
import io.jenkins.plugins.cd4ml.steps.support.WorkspacePaths;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jenkins.MasterToSlaveFileCallable;

/**
 * {@code registerModel} on the agent: finds the files matching the {@code artifacts} glob (from
 * the glob's fixed leading directory, never following a link out of the workspace) and digests
 * them, the evaluation predictions and the data sets with the same streaming SHA-256 as the CLI, so
 * the registry records the same digests whichever agent ran the build.
 */
final class CollectModelFilesCallable extends MasterToSlaveFileCallable<ModelFiles> {
    private static final long serialVersionUID = 1L;

    private final String artifacts;
    private final @CheckForNull String evaluationPredictions;
    private final @CheckForNull String trainingData;
    private final @CheckForNull String evaluationData;

    /**
     * @param artifacts a glob relative to the workspace, e.g. {@code out/model/**}
     * @param evaluationPredictions the model's predictions on the evaluation data, or {@code null}
     * @param trainingData the training data set, or {@code null}
     * @param evaluationData the evaluation data set, or {@code null}
     */
    CollectModelFilesCallable(String artifacts, @CheckForNull String evaluationPredictions,
            @CheckForNull String trainingData, @CheckForNull String evaluationData) {
        this.artifacts = artifacts;
        this.evaluationPredictions = evaluationPredictions;
        this.trainingData = trainingData;
        this.evaluationData = evaluationData;
    }

    @Override
    public ModelFiles invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path root = workspace.toPath().toRealPath();
        String glob = WorkspacePaths.normalize("artifacts", artifacts);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        String prefix = fixedPrefix(glob);
        Path start = prefix.isEmpty() ? root : WorkspacePaths.confine(workspace, "artifacts", prefix);
        List<ModelFile> files = new ArrayList<>();
        if (Files.isDirectory(start)) {
            try (Stream<Path> walk = Files.walk(start)) {
                for (Path file : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                    String relative = root.relativize(file.toRealPath()).toString().replace('\\', '/');
                    if (file.toRealPath().startsWith(root) && matcher.matches(Path.of(relative))) {
                        files.add(new ModelFile(relative, relative, ContentDigest.sha256(file), Files.size(file)));
                    }
                }
            }
        } else if (Files.isRegularFile(start) && matcher.matches(Path.of(glob))) {
            files.add(new ModelFile(glob, glob, ContentDigest.sha256(start), Files.size(start)));
        }
        if (files.isEmpty()) {
            throw new AbortException("registerModel: artifacts: no file matches '" + artifacts + "'");
        }
        if (evaluationPredictions != null) {
            Path predictions = existing(workspace, "evaluationPredictions", evaluationPredictions);
            String path = WorkspacePaths.normalize("evaluationPredictions", evaluationPredictions);
            files.add(new ModelFile(RegistryBaselineSource.predictionsArtifactPath(predictions.getFileName().toString()),
                    path, ContentDigest.sha256(predictions), Files.size(predictions)));
        }
        return new ModelFiles(files, dataset(workspace, "trainingData", trainingData),
                dataset(workspace, "evaluationData", evaluationData));
    }

    /** @return the directories of the glob before its first wildcard ({@code out/model} for {@code out/model/**}) */
    static String fixedPrefix(String glob) {
        List<String> fixed = new ArrayList<>();
        for (String segment : glob.split("/")) {
            if (segment.matches(".*[*?\\[{].*")) {
                break;
            }
            fixed.add(segment);
        }
        return String.join("/", fixed);
    }

    private static List<DatasetRef> dataset(File workspace, String argument, @CheckForNull String userPath)
            throws IOException {
        if (userPath == null) {
            return List.of();
        }
        Path file = existing(workspace, argument, userPath);
        return List.of(new DatasetRef(WorkspacePaths.normalize(argument, userPath), ContentDigest.sha256(file),
                Files.size(file)));
    }

    private static Path existing(File workspace, String argument, String userPath) throws IOException {
        Path file = WorkspacePaths.confine(workspace, argument, userPath);
        if (!Files.isRegularFile(file)) {
            throw new AbortException("registerModel: " + argument + ": '" + userPath + "' is not a file in the workspace");
        }
        return file;
    }
}
