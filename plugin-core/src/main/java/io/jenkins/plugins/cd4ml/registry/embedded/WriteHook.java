package io.jenkins.plugins.cd4ml.registry.embedded;

/**
 * Called at each named step of a write, so crash tests can stop a process exactly there. The
 * production hook does nothing.
 */
@FunctionalInterface
public interface WriteHook {
    /** Does nothing. */
    WriteHook NONE = point -> { };

    /**
     * @param point the step just completed
     */
    void reached(WritePoint point);

    /** The steps of the embedded store's writes, in order. */
    enum WritePoint {
        /** A blob's temporary file is written, not yet moved into place. */
        BLOB_STAGED,
        /** All blobs are in place; the model lock is not yet held. */
        BLOBS_STORED,
        /** The model lock is held and the version number chosen. */
        LOCKED,
        /** The version directory is complete in the staging area, not yet visible. */
        VERSION_STAGED,
        /** The version directory was renamed into place (visible); the index is not yet updated. */
        PUBLISHED,
        /** Half of an index line is written (simulates a torn append). */
        INDEX_TORN,
        /** The index and audit log are updated; the lock is about to be released. */
        INDEXED,
        /** Half of an audit log line is written (simulates a torn append). */
        AUDIT_TORN
    }
}
