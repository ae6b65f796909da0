package io.jenkins.plugins.cd4ml.steps.gpu;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GPU labels last computed on each agent, by node name, with the time of that scan. Label
 * finders are called often and must not block, so they only read this cache; scans run elsewhere
 * ({@link GpuLabelFinder#refresh}) and write it.
 */
public final class GpuLabelCache {
    /** How old a scan may get before the next label lookup schedules a new one. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(15);

    private record Entry(List<String> labels, Instant scannedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Boolean> scanning = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration maxAge;

    /**
     * @param clock the clock scan times are taken from
     * @param maxAge how long a scan stays fresh
     */
    public GpuLabelCache(@NonNull Clock clock, @NonNull Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * @param node a node name ({@code ""} for the built-in node)
     * @return the labels of its last scan; empty when it was never scanned
     */
    public @NonNull List<String> labels(@NonNull String node) {
        Entry entry = entries.get(node);
        return entry == null ? List.of() : entry.labels();
    }

    /**
     * @param node a node name
     * @return whether the node was never scanned or its scan is older than the maximum age
     */
    public boolean isStale(@NonNull String node) {
        Entry entry = entries.get(node);
        return entry == null || !entry.scannedAt().plus(maxAge).isAfter(clock.instant());
    }

    /**
     * Marks a scan of the node as running, so concurrent lookups do not start a second one.
     *
     * @param node a node name
     * @return {@code true} if the caller should scan, {@code false} if a scan is already running
     */
    public boolean beginScan(@NonNull String node) {
        return scanning.putIfAbsent(node, Boolean.TRUE) == null;
    }

    /**
     * Stores a scan's labels and ends the scan.
     *
     * @param node a node name
     * @param labels the labels the scan found (empty for an agent without GPUs)
     * @return whether the labels differ from the previous scan's
     */
    public boolean store(@NonNull String node, @NonNull List<String> labels) {
        Entry previous = entries.put(node, new Entry(List.copyOf(labels), clock.instant()));
        scanning.remove(node);
        return previous == null || !previous.labels().equals(labels);
    }

    /**
     * Ends a scan that failed; the old labels (if any) stay, and the node is scanned again after
     * the maximum age.
     *
     * @param node a node name
     */
    public void scanFailed(@NonNull String node) {
        entries.compute(node, (name, old) -> new Entry(old == null ? List.of() : old.labels(), clock.instant()));
        scanning.remove(node);
    }
}
