package io.jenkins.plugins.cd4ml.data;

/**
 * A reusable window onto the ASCII bytes of one cell, read as characters in place: checks such as
 * regular expressions, set membership and date parsing read cells through it without decoding a
 * {@code String} per cell. Not thread-safe; one per column and thread.
 */
public final class FieldView implements CharSequence {
    private byte[] bytes;
    private int start;
    private int length;

    FieldView point(byte[] cellBytes, int from, int to) {
        bytes = cellBytes;
        start = from;
        length = to - from;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) bytes[start + index];
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return toString().substring(from, to);
    }

    @Override
    public String toString() {
        return new String(bytes, start, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
