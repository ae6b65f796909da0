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

    /**
     * Compares characters with a text; a view compares its bytes in place. Hot loops call this
     * instead of {@link String#contentEquals(CharSequence)}, whose call per character is not
     * inlined once a call site has seen both views and strings.
     *
     * @param chars the characters, a view or any other sequence
     * @param text the text
     * @return whether both hold the same characters
     */
    public static boolean contentEquals(CharSequence chars, String text) {
        if (!(chars instanceof FieldView view)) {
            return text.contentEquals(chars);
        }
        if (view.length != text.length()) {
            return false;
        }
        byte[] b = view.bytes;
        for (int i = 0, at = view.start; i < view.length; i++, at++) {
            if (text.charAt(i) != (char) b[at]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param chars the characters
     * @return {@link String#hashCode()} of the characters, from the bytes in place for a view
     */
    static int stringHash(CharSequence chars) {
        int h = 0;
        if (chars instanceof FieldView view) {
            byte[] b = view.bytes;
            for (int at = view.start, end = view.start + view.length; at < end; at++) {
                h = 31 * h + b[at];
            }
            return h;
        }
        for (int i = 0; i < chars.length(); i++) {
            h = 31 * h + chars.charAt(i);
        }
        return h;
    }

    long parseInteger() throws InvalidValueException {
        return Values.parseInteger(bytes, start, start + length);
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
