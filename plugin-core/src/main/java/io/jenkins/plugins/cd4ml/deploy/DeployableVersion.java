package io.jenkins.plugins.cd4ml.deploy;

import java.io.Serializable;
import java.util.Objects;

/**
 * What deployment needs to know about one registered model version.
 *
 * @param model the registered model's name
 * @param version the version
 * @param approval its approval status
 * @param artifactUri where the model artifact lives: a local directory for the {@code local} target,
 *     an {@code s3://} URI of a {@code model.tar.gz} for SageMaker, a storage URI KServe can read
 */
public record DeployableVersion(String model, String version, ApprovalStatus approval, String artifactUri)
        implements Serializable {
    /** Checks required fields. */
    public DeployableVersion {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(artifactUri, "artifactUri");
    }
}
