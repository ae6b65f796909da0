package io.jenkins.plugins.cd4ml.registry;

import java.io.Serializable;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;

/**
 * One stored file of a model version.
 *
 * @param path the relative path inside the model (e.g. {@code model/model.onnx})
 * @param digest {@code sha256:<hex>} of its content
 * @param size bytes
 * @param location where the backend keeps it (a path in the store, an {@code s3://} or
 *     {@code mlflow-artifacts:} URI)
 */
public record ArtifactRef(String path, String digest, long size, String location) implements Serializable {
    /** Validates. */
    public ArtifactRef {
        path = Names.requireArtifactPath(path);
        if (!ContentDigest.isValid(digest)) {
            throw new IllegalArgumentException("invalid digest for " + path + ": " + digest);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size for " + path);
        }
        location = location == null ? "" : location;
    }
}
