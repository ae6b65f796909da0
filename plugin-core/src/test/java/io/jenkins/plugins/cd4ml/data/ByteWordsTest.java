package io.jenkins.plugins.cd4ml.data;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class ByteWordsTest {
    /** The lowest marked byte is the first occurrence of the searched byte, whatever else the word holds. */
    @Property
    void lowestMarkIsTheFirstOccurrence(@ForAll @Size(8) byte[] bytes, @ForAll byte searched) {
        int first = -1;
        for (int i = 0; i < 8 && first < 0; i++) {
            if (bytes[i] == searched) {
                first = i;
            }
        }
        long marks = ByteWords.zeroBytes(ByteWords.word(bytes, 0) ^ ByteWords.broadcast(searched));
        if (first < 0) {
            assertThat(marks).isZero();
        } else {
            assertThat(ByteWords.lowestMarked(marks)).isEqualTo(first);
        }
    }
}
