package io.jenkins.plugins.cd4ml.deploy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Locks shared by deployments in one JVM (the Jenkins controller). */
public final class InProcessDeploymentLocks implements DeploymentLocks {
    private final Map<String, Semaphore> locks = new ConcurrentHashMap<>();
    private final Map<String, String> holders = new ConcurrentHashMap<>();

    @Override
    public Lease acquire(String environment, String holder, Duration timeout)
            throws LockTimeoutException, InterruptedException {
        Semaphore lock = locks.computeIfAbsent(environment, name -> new Semaphore(1, true));
        if (!lock.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new LockTimeoutException("environment '" + environment + "' is still locked by "
                    + holders.getOrDefault(environment, "another deployment") + " after waiting "
                    + timeout.toSeconds() + " s; deployments to one environment run one at a time");
        }
        holders.put(environment, holder);
        return () -> {
            holders.remove(environment, holder);
            lock.release();
        };
    }
}
