package io.jenkins.plugins.cd4ml.gpu.alloc;

/**
 * A request that cannot be served: the agent does not have enough suitable GPUs at all
 * ({@link Reason#UNSATISFIABLE}), or they stayed busy for the whole wait ({@link Reason#TIMED_OUT}).
 */
public class GpuAllocationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a request failed. */
    public enum Reason {
        /** Not enough GPUs with the memory asked for pass the health check: waiting cannot help. */
        UNSATISFIABLE,
        /** Enough GPUs exist, but other builds held them for the whole wait. */
        TIMED_OUT
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what to tell the user
     */
    public GpuAllocationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return why the request failed */
    public Reason getReason() {
        return reason;
    }
}
