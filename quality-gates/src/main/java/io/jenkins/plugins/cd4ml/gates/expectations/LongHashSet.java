package io.jenkins.plugins.cd4ml.gates.expectations;

/**
 * An open-addressing set of longs (linear probing, load factor at most 3/4): 8 to 16 bytes per
 * element instead of ~50 for a {@code HashSet<Long>}, so ten million ids fit in 256 MiB of heap.
 */
final class LongHashSet {
    private long[] slots;
    private boolean containsZero;
    private int size;
    private int mask;

    LongHashSet() {
        slots = new long[1 << 10];
        mask = slots.length - 1;
    }

    /**
     * @param value the value
     * @return true when it was not in the set before
     */
    boolean add(long value) {
        if (value == 0) {
            boolean added = !containsZero;
            containsZero = true;
            if (added) {
                size++;
            }
            return added;
        }
        int i = (int) mix(value) & mask;
        while (true) {
            long slot = slots[i];
            if (slot == 0) {
                slots[i] = value;
                if (++size > (slots.length >> 2) * 3) {
                    grow();
                }
                return true;
            }
            if (slot == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** Calls the consumer with every element. */
    void forEach(java.util.function.LongConsumer consumer) {
        if (containsZero) {
            consumer.accept(0);
        }
        for (long slot : slots) {
            if (slot != 0) {
                consumer.accept(slot);
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length << 1];
        mask = slots.length - 1;
        for (long value : old) {
            if (value != 0) {
                int i = (int) mix(value) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = value;
            }
        }
    }

    /** Murmur3's 64-bit finaliser: spreads sequential ids over the table. */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * A 64-bit hash of a text (FNV-1a over UTF-16 code units, then {@link #mix}). Two distinct
     * texts collide with probability about 2^-64.
     *
     * @param text the text
     * @return its hash
     */
    static long hash(CharSequence text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }
}
