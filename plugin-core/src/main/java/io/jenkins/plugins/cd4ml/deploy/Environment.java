package io.jenkins.plugins.cd4ml.deploy;

import java.io.Serializable;
import java.util.Objects;

/**
 * A place a model is deployed to (dev, staging, production), as declared in the environments file
 * or Jenkins' global configuration.
 *
 * @param name the environment's name
 * @param target where and how it serves
 * @param requiresApproval whether only {@link ApprovalStatus#APPROVED} versions may be deployed
 * @param alias the registry alias moved to a version once it is verified serving here
 * @param credentials the target's credentials references
 */
public record Environment(String name, TargetSpec target, boolean requiresApproval, String alias,
        EnvironmentCredentials credentials) implements Serializable {
    /** Checks required fields. */
    public Environment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        alias = alias == null ? name : alias;
        credentials = credentials == null ? EnvironmentCredentials.DEFAULT : credentials;
    }
}
