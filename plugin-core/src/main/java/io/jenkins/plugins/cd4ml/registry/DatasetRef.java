package io.jenkins.plugins.cd4ml.registry;

import java.io.Serializable;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;

/**
 * A data set a version was trained or evaluated on, identified by content.
 *
 * @param name how the pipeline named it (usually its path in the workspace)
 * @param digest {@code sha256:<hex>} of its bytes ({@link ContentDigest#sha256(java.nio.file.Path)})
 * @param size bytes, or -1 when unknown
 */
public record DatasetRef(String name, String digest, long size) implements Serializable {
    /** Validates. */
    public DatasetRef {
        name = Names.requireText(name, "data set name");
        if (!ContentDigest.isValid(digest)) {
            throw new IllegalArgumentException("invalid digest for data set " + name + ": " + digest);
        }
    }
}
