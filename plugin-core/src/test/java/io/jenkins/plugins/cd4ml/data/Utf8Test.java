package io.jenkins.plugins.cd4ml.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class Utf8Test {
    /** The word-at-a-time ASCII test agrees with a byte loop at every alignment and length. */
    @Property
    void asciiTestAgreesWithAByteLoop(@ForAll("mostlyAscii") byte[] bytes, @ForAll @IntRange(max = 40) int cutFront,
            @ForAll @IntRange(max = 40) int cutBack) {
        int from = Math.min(cutFront, bytes.length);
        int to = Math.max(from, bytes.length - cutBack);
        boolean expected = true;
        for (int i = from; i < to; i++) {
            expected &= bytes[i] >= 0;
        }
        assertThat(Utf8.isAscii(bytes, from, to)).isEqualTo(expected);
        assertThat(Utf8.firstInvalid(bytes, from, to) == Utf8.ALL_ASCII).isEqualTo(expected);
    }

    /** Valid or not exactly as the JDK's strict decoder says. */
    @Property
    void validityAgreesWithTheJdkDecoder(@ForAll("mostlyAscii") byte[] bytes) {
        boolean jdkValid;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            jdkValid = true;
        } catch (CharacterCodingException e) {
            jdkValid = false;
        }
        assertThat(Utf8.firstInvalid(bytes, 0, bytes.length) < 0).isEqualTo(jdkValid);
    }

    @Provide
    Arbitrary<byte[]> mostlyAscii() {
        Arbitrary<Byte> ascii = Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E);
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(30)
                .map(t -> t.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(20, ascii), net.jqwik.api.Tuple.of(1, any))
                .array(byte[].class).ofMaxSize(90);
        return Arbitraries.oneOf(raw, text);
    }
}
