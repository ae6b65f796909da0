package io.jenkins.plugins.cd4ml.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Numbers distinct texts 0, 1, 2, ... in the order they are first added, and looks them up from any
 * {@link CharSequence}: a cell read in place ({@link FieldView}) becomes a {@code String} only the
 * first time its text is seen ({@code HashMap<String, …>} would need one per lookup).
 */
public final class TextCodes {
    private final List<String> texts = new ArrayList<>();
    private int[] table = new int[16];
    private int[] hashes = new int[16];

    /** An empty dictionary. */
    public TextCodes() {
        java.util.Arrays.fill(table, -1);
    }

    /**
     * @param values the texts, numbered in iteration order (duplicates once)
     */
    public TextCodes(Collection<String> values) {
        this();
        values.forEach(this::add);
    }

    /**
     * @param text the text
     * @return its code, or -1 when it was never added
     */
    public int codeOf(CharSequence text) {
        int hash = hash(text);
        int mask = table.length - 1;
        for (int slot = hash & mask; table[slot] >= 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && FieldView.contentEquals(text, texts.get(table[slot]))) {
                return table[slot];
            }
        }
        return -1;
    }

    /**
     * @param text the text
     * @return whether it was added
     */
    public boolean contains(CharSequence text) {
        return codeOf(text) >= 0;
    }

    /**
     * Adds a text unless present.
     *
     * @param text the text
     * @return its code
     */
    public int add(CharSequence text) {
        int code = codeOf(text);
        if (code >= 0) {
            return code;
        }
        if ((texts.size() + 1) * 2 > table.length) {
            rehash(table.length * 2);
        }
        code = texts.size();
        texts.add(text.toString());
        insert(code, hash(text));
        return code;
    }

    /** @return the number of distinct texts */
    public int size() {
        return texts.size();
    }

    /** @return the texts, in code order */
    public List<String> texts() {
        return List.copyOf(texts);
    }

    private void insert(int code, int hash) {
        int mask = table.length - 1;
        int slot = hash & mask;
        while (table[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = code;
        hashes[slot] = hash;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        hashes = new int[capacity];
        java.util.Arrays.fill(table, -1);
        for (int code = 0; code < texts.size(); code++) {
            insert(code, hash(texts.get(code)));
        }
    }

    /** {@link String#hashCode()}'s formula for any character sequence, spread over the low bits. */
    private static int hash(CharSequence text) {
        int h = FieldView.stringHash(text);
        return h ^ (h >>> 16);
    }
}
