package io.jenkins.plugins.cd4ml.gates.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A growable sequence of doubles kept in chunks (drift's columns, metrics' scores and values): growing never copies, and the one exact array is
 * made at the end. A doubling array touches about three times the memory it keeps (the abandoned
 * smaller arrays and the unused tail), which on ten million values per column cost more in page
 * faults than reading the numbers. Chunks double from 4 Ki values up to 1 Mi (8 MB, which the
 * garbage collector allocates in place and never copies), so small files stay small.
 */
public final class DoubleChunks {
    private static final int FIRST_CHUNK = 1 << 12;
    private static final int LARGEST_CHUNK = 1 << 20;
    private final List<double[]> full = new ArrayList<>();
    private long fullValues;
    private double[] current = new double[FIRST_CHUNK];
    private int used;

    /** An empty sequence. */
    public DoubleChunks() {
        // the first chunk is allocated here
    }

    /** @param value appended at the end */
    public void add(double value) {
        if (used == current.length) {
            full.add(current);
            fullValues += used;
            current = new double[Math.min(LARGEST_CHUNK, current.length * 2)];
            used = 0;
        }
        current[used++] = value;
    }

    /**
     * Appends another column's values after this one's, taking over its chunks without copying
     * them (the other is empty afterwards and must not be used again).
     *
     * @param later the values that come after these
     */
    public void addAll(DoubleChunks later) {
        if (used > 0) { // a full chunk is used to its end: this one's tail is trimmed first
            full.add(used == current.length ? current : Arrays.copyOf(current, used));
            fullValues += used;
        }
        full.addAll(later.full);
        fullValues += later.fullValues;
        current = later.current;
        used = later.used;
        later.full.clear();
        later.fullValues = 0;
        later.current = null;
        later.used = 0;
    }

    /** Gives back the unused room of the current chunk (adding more values later starts a new one). */
    public void trim() {
        if (used < current.length) {
            current = Arrays.copyOf(current, used);
        }
    }

    /** @return how many values were added */
    public long size() {
        return fullValues + used;
    }

    /**
     * @return every value in order, in one exact array; the chunks are released as they are copied
     * @throws IllegalStateException when there are more values than an array holds
     */
    public double[] toArray() {
        long size = size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than " + (Integer.MAX_VALUE - 8) + " values in one column");
        }
        double[] all = new double[(int) size];
        int at = 0;
        for (int i = 0; i < full.size(); i++) {
            double[] chunk = full.get(i);
            System.arraycopy(chunk, 0, all, at, chunk.length);
            full.set(i, null);
            at += chunk.length;
        }
        System.arraycopy(current, 0, all, at, used);
        full.clear();
        current = null;
        return all;
    }
}
