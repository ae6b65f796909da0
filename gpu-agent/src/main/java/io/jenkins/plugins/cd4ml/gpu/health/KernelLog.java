package io.jenkins.plugins.cd4ml.gpu.health;

import io.jenkins.plugins.cd4ml.gpu.probe.CommandResult;
import io.jenkins.plugins.cd4ml.gpu.probe.GpuProbe;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * XID errors read from the kernel log, or why they could not be read (reading the kernel log may
 * need privileges the agent lacks: then the XID check is skipped with a note, never failed).
 *
 * @param events the XID errors found
 * @param readable whether a kernel log could be read
 * @param note how it was read, or why it was not
 */
public record KernelLog(List<XidEvent> events, boolean readable, String note) implements Serializable {
    public KernelLog {
        events = List.copyOf(events);
    }

    /**
     * @param note why
     * @return a kernel log that could not be read
     */
    public static KernelLog unreadable(String note) {
        return new KernelLog(List.of(), false, note);
    }

    /**
     * Reads the kernel log of the last {@code window} with journalctl, falling back to dmesg.
     *
     * @param probe runs the commands
     * @param window how far back to read
     * @return the XID errors, or an unreadable log with the reason
     * @throws InterruptedException if interrupted
     */
    public static KernelLog read(GpuProbe probe, Duration window) throws InterruptedException {
        Duration timeout = Duration.ofSeconds(15);
        CommandResult journal = probe.run(List.of("journalctl", "-k", "-q", "--no-pager", "-o", "short-iso",
                "--since=-" + Math.max(1, window.toMinutes()) + "min"), timeout);
        if (journal.isOk() && !journal.stdout().isBlank()) {
            return new KernelLog(new KernelLogParser().parse(journal.stdout()), true, "read with journalctl");
        }
        CommandResult dmesg = probe.run(List.of("dmesg"), timeout);
        if (dmesg.isOk()) {
            return new KernelLog(new KernelLogParser().parse(dmesg.stdout()), true, "read with dmesg (since boot)");
        }
        return unreadable("XID check skipped: kernel log not readable (" + journal.describeFailure() + "; "
                + dmesg.describeFailure() + ")");
    }
}
