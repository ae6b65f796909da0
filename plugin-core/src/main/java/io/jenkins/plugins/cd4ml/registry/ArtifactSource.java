package io.jenkins.plugins.cd4ml.registry;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A local file to register as an artifact.
 *
 * @param path the relative path it gets inside the model (e.g. {@code model/model.onnx})
 * @param file the file on this machine
 */
public record ArtifactSource(String path, Path file) {
    /** Validates. */
    public ArtifactSource {
        path = Names.requireArtifactPath(path);
        Objects.requireNonNull(file, "file");
    }
}
