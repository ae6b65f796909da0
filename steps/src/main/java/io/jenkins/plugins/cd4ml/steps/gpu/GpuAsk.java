package io.jenkins.plugins.cd4ml.steps.gpu;

import io.jenkins.plugins.cd4ml.gpu.alloc.GpuRequest;
import java.io.Serializable;
import java.time.Duration;

/**
 * What a {@code withGpus} block or a {@code trainModel} step asks for, as the user wrote it.
 *
 * @param count how many devices (at least 1)
 * @param minMemoryGb the least memory per device in GB as sold (0 for any)
 * @param maxWaitMinutes how long to wait for busy devices before failing (0: fail at once)
 */
record GpuAsk(int count, int minMemoryGb, int maxWaitMinutes) implements Serializable {
    /** Default wait for busy GPUs, as {@code cd4ml train}. */
    static final int DEFAULT_MAX_WAIT_MINUTES = 10;

    GpuAsk {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1 but was " + count);
        }
        if (minMemoryGb < 0) {
            throw new IllegalArgumentException("minMemoryGb must not be negative but was " + minMemoryGb);
        }
        if (maxWaitMinutes < 0) {
            throw new IllegalArgumentException("maxWaitMinutes must not be negative but was " + maxWaitMinutes);
        }
    }

    /**
     * @param owner who holds the devices, shown to builds that wait (e.g. {@code nightly #7})
     * @return the engine's request
     */
    GpuRequest toRequest(String owner) {
        return GpuRequest.of(count, minMemoryGb, Duration.ofMinutes(maxWaitMinutes), owner);
    }

    /** @return e.g. {@code 2 GPU(s) with at least 40 GB} */
    String describe() {
        return count + " GPU(s)" + (minMemoryGb > 0 ? " with at least " + minMemoryGb + " GB" : "");
    }
}
