package io.jenkins.plugins.cd4ml.gpu.health;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * One NVIDIA XID error from the kernel log, e.g.
 * {@code NVRM: Xid (PCI:0000:4e:00): 63, pid=…, Row Remapper: …}.
 *
 * @param pciAddress the GPU's PCI address as {@link PciAddress#normalise(String)} writes it
 * @param xid the XID number
 * @param time when it was logged; {@code null} for dmesg lines (seconds since boot only)
 * @param message the text after the XID number
 */
public record XidEvent(String pciAddress, int xid, Instant time, String message) implements Serializable {
    /**
     * XIDs that mean the hardware needs a reset or service (NVIDIA's XID catalogue): double-bit
     * ECC (48), internal micro-controller faults (61, 62), row remapping (63, 64), NVLink (74),
     * fallen off the bus (79), high single-bit rate (92), uncontained ECC (95), GSP errors (119, 120),
     * unrecovered ECC (140). Application faults such as 13, 31 or 43 are not hardware problems.
     */
    public static final Set<Integer> CRITICAL = Set.of(48, 61, 62, 63, 64, 74, 79, 92, 95, 119, 120, 140);

    /** XIDs worth a warning: a contained ECC error (94) kills the process but the GPU stays usable. */
    public static final Set<Integer> NOTABLE = Set.of(94);

    /** @return whether this XID makes a GPU unhealthy */
    public boolean isCritical() {
        return CRITICAL.contains(xid);
    }
}
