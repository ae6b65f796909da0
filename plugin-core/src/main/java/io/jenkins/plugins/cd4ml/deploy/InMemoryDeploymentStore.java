package io.jenkins.plugins.cd4ml.deploy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link DeploymentStore} in memory (tests; callers that persist records themselves). */
public final class InMemoryDeploymentStore implements DeploymentStore {
    private final Map<String, DeploymentRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<DeploymentRecord> find(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public void save(DeploymentRecord record) {
        records.put(record.id(), record);
    }
}
