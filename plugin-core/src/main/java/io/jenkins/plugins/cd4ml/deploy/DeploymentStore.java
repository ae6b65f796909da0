package io.jenkins.plugins.cd4ml.deploy;

import java.io.IOException;
import java.util.Optional;

/** Where deployment records are kept while they run and after, so a restarted caller can resume. */
public interface DeploymentStore {
    /**
     * @param id a deployment id
     * @return the latest saved record with that id
     * @throws IOException when the store cannot be read
     */
    Optional<DeploymentRecord> find(String id) throws IOException;

    /**
     * Saves a record atomically, replacing an older one with the same id.
     *
     * @param record the record
     * @throws IOException when the store cannot be written
     */
    void save(DeploymentRecord record) throws IOException;
}
