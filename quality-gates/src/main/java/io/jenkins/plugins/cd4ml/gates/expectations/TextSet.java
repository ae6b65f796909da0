package io.jenkins.plugins.cd4ml.gates.expectations;

import java.util.Collection;

/**
 * A fixed set of texts that answers membership for any {@link CharSequence}, so a cell read in
 * place need not become a {@code String} first (a {@code HashSet<String>} needs one to look up).
 */
final class TextSet {
    private final String[] table;
    private final int mask;

    TextSet(Collection<String> values) {
        int capacity = Integer.highestOneBit(Math.max(4, values.size() * 4 - 1)) << 1;
        table = new String[capacity];
        mask = capacity - 1;
        for (String value : values) {
            int slot = hash(value) & mask;
            while (table[slot] != null && !table[slot].equals(value)) {
                slot = (slot + 1) & mask;
            }
            table[slot] = value;
        }
    }

    boolean contains(CharSequence text) {
        int slot = hash(text) & mask;
        String candidate;
        while ((candidate = table[slot]) != null) {
            if (candidate.contentEquals(text)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    /** {@link String#hashCode()}'s formula, for any character sequence, spread over the low bits. */
    private static int hash(CharSequence text) {
        int h = 0;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h ^ (h >>> 16);
    }
}
