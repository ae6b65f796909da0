package io.jenkins.plugins.cd4ml.data;

/** Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF), allocation-free. */
final class Utf8 {
    private Utf8() {
    }

    /** Returned by {@link #firstInvalid} when every byte is ASCII. */
    static final int ALL_ASCII = -2;

    /**
     * @param b the bytes
     * @param from the first byte to check
     * @param to one past the last
     * @return whether no byte in the range has its high bit set
     */
    static boolean isAscii(byte[] b, int from, int to) {
        long high = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) { // a word at a time: the byte loop is not vectorized
            high |= ByteWords.word(b, i);
        }
        for (; i < to; i++) {
            high |= b[i];
        }
        return (high & ByteWords.HIGH_BITS) == 0;
    }

    /**
     * @param b the bytes
     * @param from the first byte to check
     * @param to one past the last
     * @return the position of the first byte of an invalid sequence, -1 when all are valid, or
     *     {@link #ALL_ASCII} when all are valid ASCII
     */
    static int firstInvalid(byte[] b, int from, int to) {
        if (isAscii(b, from, to)) { // the common case: no byte has its high bit set
            return ALL_ASCII;
        }
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int length;
            int low = 0x80;
            int high = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                length = 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                length = 3;
                low = c == 0xE0 ? 0xA0 : 0x80;
                high = c == 0xED ? 0x9F : 0xBF;
            } else if (c >= 0xF0 && c <= 0xF4) {
                length = 4;
                low = c == 0xF0 ? 0x90 : 0x80;
                high = c == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i;
            }
            if (i + length > to) {
                return i;
            }
            int second = b[i + 1] & 0xFF;
            if (second < low || second > high) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }
}
