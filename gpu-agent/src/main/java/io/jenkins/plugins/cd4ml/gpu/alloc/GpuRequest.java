package io.jenkins.plugins.cd4ml.gpu.alloc;

import java.io.Serializable;
import java.time.Duration;

/**
 * What a build asks for.
 *
 * @param count how many GPUs (or MIG devices), at least 1
 * @param minMemoryMiB the least memory each must have, in MiB (0 for any)
 * @param maxWait how long to wait for busy GPUs to be freed before giving up
 * @param naming how devices are named in the environment
 * @param owner who holds the GPUs, shown to builds that wait (e.g. {@code my-job #42})
 */
public record GpuRequest(int count, long minMemoryMiB, Duration maxWait, DeviceNaming naming, String owner)
        implements Serializable {
    public GpuRequest {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1 but was " + count);
        }
        if (minMemoryMiB < 0) {
            throw new IllegalArgumentException("minimum memory must not be negative but was " + minMemoryMiB);
        }
        maxWait = maxWait == null || maxWait.isNegative() ? Duration.ZERO : maxWait;
        naming = naming == null ? DeviceNaming.UUID : naming;
        owner = owner == null || owner.isBlank() ? "pid " + ProcessHandle.current().pid() : owner.strip();
    }

    /**
     * @param count how many GPUs
     * @param minMemoryGb the least memory of each, in GB as labels write it ({@code 40} for a 40 GB GPU)
     * @param maxWait how long to wait
     * @param owner who asks
     * @return a request naming devices by UUID
     */
    public static GpuRequest of(int count, int minMemoryGb, Duration maxWait, String owner) {
        return new GpuRequest(count, minMemoryMiBFor(minMemoryGb), maxWait, DeviceNaming.UUID, owner);
    }

    /**
     * A GPU sold as N GB reports a little less (an A100 40GB reports 40 960 MiB, an H100 80GB 81 559 MiB,
     * a T4 16GB 15 360 MiB), so "N GB" accepts anything from 93 % of N GiB.
     *
     * @param gigabytes the size users write
     * @return the least MiB that counts as that size
     */
    public static long minMemoryMiBFor(int gigabytes) {
        return (long) Math.floor(gigabytes * 1024L * 0.93);
    }
}
