package io.jenkins.plugins.cd4ml.gpu.alloc;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * GPUs held by this JVM until {@link #close()}. Closing is idempotent and happens on every path
 * (try-with-resources, {@link GpuAllocator#release(String)}); if the process dies, the operating
 * system drops the locks.
 */
public final class GpuAllocation implements AutoCloseable {
    private final GpuLease lease;
    private final List<LockFiles.Held> locks;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClose;

    GpuAllocation(GpuLease lease, List<LockFiles.Held> locks, Runnable onClose) {
        this.lease = lease;
        this.locks = List.copyOf(locks);
        this.onClose = onClose;
    }

    /** @return the serializable description of what is held */
    public GpuLease lease() {
        return lease;
    }

    /** @return whether the GPUs are still held */
    public boolean isHeld() {
        return !closed.get();
    }

    /** Releases every lock; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                for (LockFiles.Held lock : locks) {
                    lock.release();
                }
            } finally {
                onClose.run();
            }
        }
    }
}
