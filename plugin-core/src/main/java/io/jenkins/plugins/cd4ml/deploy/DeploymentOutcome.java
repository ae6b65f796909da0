package io.jenkins.plugins.cd4ml.deploy;

/**
 * How a deployment ended, decided from what the target reports serving afterwards (read back),
 * never from what was requested.
 */
public enum DeploymentOutcome {
    /** The new version is verified serving all traffic. Exit code 0. */
    DEPLOYED(true),
    /** The new version served some traffic and was taken back; the previous version serves again. */
    ROLLED_BACK(false),
    /** A rollback was needed but the previous version does not serve again: act now. */
    ROLLBACK_FAILED(false),
    /** The new version does not serve, and nothing had to be rolled back (e.g. it never became healthy). */
    FAILED(false),
    /** Nothing was changed: the version is not approved, or the environment stayed locked too long. */
    REFUSED(false),
    /** Stopped by the user (build aborted); what serves afterwards is in the record. */
    ABORTED(false);

    private final boolean success;

    DeploymentOutcome(boolean success) {
        this.success = success;
    }

    /** @return whether the new version serves */
    public boolean isSuccess() {
        return success;
    }

    /** @return the CLI exit code: 0 for {@link #DEPLOYED}, 1 otherwise */
    public int exitCode() {
        return success ? 0 : 1;
    }
}
