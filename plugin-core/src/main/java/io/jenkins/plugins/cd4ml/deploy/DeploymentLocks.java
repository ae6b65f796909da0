package io.jenkins.plugins.cd4ml.deploy;

import java.io.IOException;
import java.time.Duration;

/** Serializes deployments to one environment: a second one waits, up to a bound, then is refused. */
public interface DeploymentLocks {
    /** A held lock; closing releases it. */
    interface Lease extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /**
     * @param environment the environment
     * @param holder who takes it (recorded so the one waiting is told who holds it)
     * @param timeout how long to wait
     * @return the held lock
     * @throws LockTimeoutException when it stays held longer than the timeout
     * @throws InterruptedException when the wait is aborted
     * @throws IOException when the lock cannot be taken
     */
    Lease acquire(String environment, String holder, Duration timeout)
            throws LockTimeoutException, InterruptedException, IOException;

    /** The environment stayed locked for the whole timeout. */
    final class LockTimeoutException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param message which environment, who holds it, how long we waited */
        public LockTimeoutException(String message) {
            super(message);
        }
    }
}
