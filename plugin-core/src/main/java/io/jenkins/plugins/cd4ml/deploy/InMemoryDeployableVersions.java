package io.jenkins.plugins.cd4ml.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link DeployableVersions} held in memory, for tests and embedding. Thread-safe. */
public final class InMemoryDeployableVersions implements DeployableVersions {
    private final Map<String, DeployableVersion> versions = new ConcurrentHashMap<>();
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final List<DeploymentRecord> deployments = new ArrayList<>();

    /**
     * Adds or replaces a version.
     *
     * @param version the version
     * @return this
     */
    public InMemoryDeployableVersions put(DeployableVersion version) {
        versions.put(key(version.model(), version.version()), version);
        return this;
    }

    @Override
    public Optional<DeployableVersion> find(String model, String version) {
        return Optional.ofNullable(versions.get(key(model, version)));
    }

    @Override
    public Optional<String> versionOf(String model, String alias) {
        return Optional.ofNullable(aliases.get(key(model, alias)));
    }

    @Override
    public void moveAlias(String model, String alias, String version) {
        aliases.put(key(model, alias), version);
    }

    @Override
    public synchronized void recordDeployment(DeploymentRecord record) {
        deployments.add(record);
    }

    /** @return the deployments recorded so far, oldest first */
    public synchronized List<DeploymentRecord> deployments() {
        return List.copyOf(deployments);
    }

    private static String key(String model, String name) {
        return model + '\u0000' + name;
    }
}
