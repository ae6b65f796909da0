package io.jenkins.plugins.cd4ml.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads a byte array eight bytes at a time ("SWAR"): the CSV scan and the ASCII test look at whole
 * words where a byte loop would not be vectorized by the JIT.
 */
final class ByteWords {
    /** A little-endian {@code long} view: the byte at the lowest index is the lowest byte. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** 0x01 in every byte. */
    static final long ONES = 0x0101010101010101L;
    /** The high bit of every byte. */
    static final long HIGH_BITS = 0x8080808080808080L;

    private ByteWords() {
    }

    /**
     * @param bytes the array
     * @param at the index of the word's first (lowest) byte; eight bytes must follow it
     * @return the word
     */
    static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /**
     * @param value a byte value
     * @return the byte repeated in every byte of a word
     */
    static long broadcast(int value) {
        return ONES * (value & 0xFF);
    }

    /**
     * Marks the zero bytes of a word with their high bit. Bytes above the lowest zero byte may be
     * marked falsely (a borrow), never the lowest one, so only the lowest mark may be used.
     *
     * @param word the word
     * @return the marks
     */
    static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }

    /**
     * @param marks marks of {@link #zeroBytes}, not zero
     * @return the index within the word of the lowest marked byte
     */
    static int lowestMarked(long marks) {
        return Long.numberOfTrailingZeros(marks) >>> 3;
    }
}
