package io.jenkins.plugins.cd4ml.gpu.health;

/** The pre-flight state of one GPU. */
public enum HealthStatus {
    /** Every check passed. */
    HEALTHY,
    /** Usable, but something deserves attention (e.g. persistence mode off). */
    WARNING,
    /** Never handed out: the reason says why. */
    UNHEALTHY;

    /** @return whether a GPU in this state may be allocated */
    public boolean isAllocatable() {
        return this != UNHEALTHY;
    }
}
