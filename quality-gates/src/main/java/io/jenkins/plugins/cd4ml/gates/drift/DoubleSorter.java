package io.jenkins.plugins.cd4ml.gates.drift;

import java.util.Arrays;

/**
 * Sorts large arrays of doubles with an LSD radix sort over their order-preserving 64-bit keys
 * (11 bits per pass), skipping every pass in which all keys share the digit. Columns of whole
 * numbers or of a narrow range need two or three passes instead of six, and even six passes beat
 * a comparison sort severalfold on ten million values. Small arrays use {@link Arrays#sort}.
 * Needs two temporary {@code long} arrays of the input's length while it runs.
 */
public final class DoubleSorter {
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int PASSES = (64 + BITS - 1) / BITS;
    private static final int SMALL = 1 << 15;

    // scratch kept between calls of one sorter: a drift run sorts sixteen columns of ten million
    // values, and fresh arrays for each cost more in page faults than the sorting itself
    private long[] keys = new long[0];
    private long[] buffer = new long[0];
    private final int[][] counts = new int[PASSES][BUCKETS];

    /** A sorter whose scratch arrays are reused by its later calls; one thread at a time. */
    public DoubleSorter() {
        // scratch grows on first use
    }

    /**
     * Sorts ascending in place, in the order of {@link Arrays#sort(double[])} (−0.0 before 0.0);
     * the values must not be NaN.
     *
     * @param values the array to sort
     */
    public static void sort(double[] values) {
        sort(values, values.length);
    }

    /**
     * Sorts the first {@code n} values ascending in place, as {@link #sort(double[])} does.
     *
     * @param values the array
     * @param n how many leading values to sort
     */
    public static void sort(double[] values, int n) {
        new DoubleSorter().sortFirst(values, n);
    }

    /**
     * As {@link #sort(double[], int)}, with this sorter's scratch arrays.
     *
     * @param values the array
     * @param n how many leading values to sort
     */
    public void sortFirst(double[] values, int n) {
        if (n < SMALL) {
            Arrays.sort(values, 0, n);
            return;
        }
        if (keys.length < n) {
            keys = new long[n];
            buffer = new long[n];
        }
        long[] keys = this.keys;
        long[] buffer = this.buffer;
        for (int[] count : counts) {
            Arrays.fill(count, 0);
        }
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            long key = bits ^ (bits >> 63 | Long.MIN_VALUE);
            keys[i] = key;
            for (int pass = 0; pass < PASSES; pass++) {
                counts[pass][(int) (key >>> (pass * BITS)) & (BUCKETS - 1)]++;
            }
        }
        for (int pass = 0; pass < PASSES; pass++) {
            int[] count = counts[pass];
            if (allInOneBucket(count, n)) {
                continue;
            }
            int offset = 0;
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                int size = count[bucket];
                count[bucket] = offset;
                offset += size;
            }
            int shift = pass * BITS;
            for (int i = 0; i < n; i++) {
                long key = keys[i];
                buffer[count[(int) (key >>> shift) & (BUCKETS - 1)]++] = key;
            }
            long[] swap = keys;
            keys = buffer;
            buffer = swap;
        }
        for (int i = 0; i < n; i++) {
            long key = keys[i];
            long bits = key ^ (~key >> 63 | Long.MIN_VALUE);
            values[i] = Double.longBitsToDouble(bits);
        }
    }

    private static boolean allInOneBucket(int[] count, int n) {
        for (int size : count) {
            if (size != 0) {
                return size == n;
            }
        }
        return true;
    }
}
