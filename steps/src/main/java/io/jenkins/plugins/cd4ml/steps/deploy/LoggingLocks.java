package io.jenkins.plugins.cd4ml.steps.deploy;

import io.jenkins.plugins.cd4ml.deploy.DeploymentLocks;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Tells the build log when a deployment has to wait: tries the environment's lock at once and, when
 * another deployment holds it, logs who holds it and how long this one will wait before waiting.
 */
final class LoggingLocks implements DeploymentLocks {
    private final DeploymentLocks locks;
    private final Consumer<String> log;

    LoggingLocks(DeploymentLocks locks, Consumer<String> log) {
        this.locks = locks;
        this.log = log;
    }

    @Override
    public Lease acquire(String environment, String holder, Duration timeout)
            throws LockTimeoutException, InterruptedException, IOException {
        try {
            return locks.acquire(environment, holder, Duration.ZERO);
        } catch (LockTimeoutException busy) {
            log.accept(busy.getMessage().replace(" after waiting 0 s", "") + "; waiting up to "
                    + timeout.toMinutes() + " min for it");
            return locks.acquire(environment, holder, timeout);
        }
    }
}
