package io.jenkins.plugins.cd4ml.deploy;

import java.io.IOException;
import java.util.Optional;

/**
 * The part of the model registry that deployment uses. The registry (issue 6) is adapted to it; the
 * CLI uses {@link FileDeployableVersions}; tests use {@link InMemoryDeployableVersions}.
 *
 * <p>Implementations must make {@link #moveAlias} atomic and safe when called by concurrent
 * deployments of different environments.
 */
public interface DeployableVersions {
    /**
     * @param model the registered model
     * @param version the version
     * @return the version's approval and artifact, or empty when the registry does not know it
     * @throws IOException when the registry cannot be read
     */
    Optional<DeployableVersion> find(String model, String version) throws IOException;

    /**
     * @param model the registered model
     * @param alias an alias such as {@code staging}
     * @return the version the alias points to, or empty when it is not set (used by {@code promoteModel})
     * @throws IOException when the registry cannot be read
     */
    Optional<String> versionOf(String model, String alias) throws IOException;

    /**
     * Points an alias at a version; called by the engine only after a {@link DeploymentOutcome#DEPLOYED}.
     *
     * @param model the registered model
     * @param alias the environment's alias
     * @param version the version now verified serving
     * @throws IOException when the registry cannot be written
     */
    void moveAlias(String model, String alias, String version) throws IOException;

    /**
     * Records a finished deployment (any outcome) against the version, for lineage.
     *
     * @param record the finished deployment
     * @throws IOException when the registry cannot be written
     */
    void recordDeployment(DeploymentRecord record) throws IOException;
}
