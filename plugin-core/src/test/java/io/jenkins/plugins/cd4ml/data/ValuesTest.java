package io.jenkins.plugins.cd4ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.data.InvalidValueException.Problem;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Property
    void decimalsRoundTripLikeTheJdk(@ForAll double value) throws Exception {
        if (Double.isFinite(value)) {
            assertThat(Values.parseDecimal(Double.toString(value))).isEqualTo(value);
        }
    }

    @Property
    void shortDecimalsAgreeWithTheJdk(@ForAll @DoubleRange(min = -1e7, max = 1e7) double value) throws Exception {
        String text = String.format(java.util.Locale.ROOT, "%.6f", value);
        assertThat(Values.parseDecimal(text)).isEqualTo(Double.parseDouble(text));
    }

    /** The byte parser (plain fast path or general) agrees with the JDK on every plain-looking text. */
    @Property
    void byteDecimalsAgreeWithTheJdk(@ForAll("plainDecimals") String text, @ForAll("before") String before) {
        assertParsedAsTheJdkDoes(text, before);
    }

    /** Up to eight digits a side: the form read a word at a time. */
    @Property(tries = 2000)
    void shortByteDecimalsAgreeWithTheJdk(@ForAll("shortPlainDecimals") String text, @ForAll("before") String before) {
        assertParsedAsTheJdkDoes(text, before);
    }

    private static void assertParsedAsTheJdkDoes(String text, String before) {
        // whatever precedes a cell in the buffer (the word reader looks back up to eight bytes)
        byte[] bytes = (before + text + "7").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Double expected;
        try {
            expected = Double.parseDouble(text);
            if (text.isEmpty() || text.matches(".*[^0-9.+-].*") || !text.matches("[+-]?[0-9]*\\.?[0-9]*")) {
                expected = null; // "1d", hex and the like are Java's, not ours
            }
        } catch (NumberFormatException e) {
            expected = null;
        }
        Double actual;
        try {
            actual = Values.parseDecimal(bytes, before.length(), bytes.length - 1);
        } catch (InvalidValueException e) {
            actual = null;
        }
        assertThat(actual).as(text).isEqualTo(expected);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> shortPlainDecimals() {
        net.jqwik.api.Arbitrary<String> digits = net.jqwik.api.Arbitraries.strings().withChars("0123456789")
                .ofMinLength(0).ofMaxLength(9);
        return net.jqwik.api.Combinators.combine(net.jqwik.api.Arbitraries.of("", "-", "+"), digits,
                net.jqwik.api.Arbitraries.of("", ".", ".", ".", ".."), digits)
                .as((sign, whole, dot, fraction) -> sign + whole + dot + fraction);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> before() {
        return net.jqwik.api.Arbitraries.strings().withChars("0123456789.-,x").ofMinLength(1).ofMaxLength(12);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> plainDecimals() {
        net.jqwik.api.Arbitrary<String> digits = net.jqwik.api.Arbitraries.strings().withChars("0123456789")
                .ofMinLength(0).ofMaxLength(20);
        return net.jqwik.api.Combinators.combine(net.jqwik.api.Arbitraries.of("", "-", "+"), digits,
                net.jqwik.api.Arbitraries.of("", ".", ".."), digits)
                .as((sign, whole, dot, fraction) -> sign + whole + dot + fraction);
    }

    @Property
    void integersRoundTrip(@ForAll long value) throws Exception {
        assertThat(Values.parseInteger(Long.toString(value))).isEqualTo(value);
    }

    /** Both forms agree with {@code Long.parseLong} on digit strings of any length, leading zeros and signs included. */
    @Property
    void integersAgreeWithTheJdk(@ForAll("integerTexts") String text) {
        Long expected;
        try {
            expected = Long.parseLong(text);
        } catch (NumberFormatException e) {
            expected = null;
        }
        byte[] bytes = ("x" + text + "y").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int form = 0; form < 2; form++) {
            Long actual;
            try {
                actual = form == 0 ? Values.parseInteger(text) : Values.parseInteger(bytes, 1, bytes.length - 1);
            } catch (InvalidValueException e) {
                actual = null;
                boolean digitsOnly = text.matches("[+-]?[0-9]+");
                assertThat(e.getProblem()).as(text).isEqualTo(digitsOnly ? Problem.OVERFLOW : Problem.MALFORMED);
            }
            assertThat(actual).as("form %d of '%s'", form, text).isEqualTo(expected);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> integerTexts() {
        net.jqwik.api.Arbitrary<String> digits = net.jqwik.api.Arbitraries.strings().withChars("0123456789")
                .ofMinLength(0).ofMaxLength(22);
        net.jqwik.api.Arbitrary<String> near = net.jqwik.api.Arbitraries.longs()
                .map(v -> Long.toString(v)).flatMap(t -> net.jqwik.api.Arbitraries.of(t, t + "0", "00" + t.replace("-", ""),
                        t.startsWith("-") ? t : "+" + t, t.replace("-", "") + "1"));
        net.jqwik.api.Arbitrary<String> edges = net.jqwik.api.Arbitraries.of("9223372036854775807",
                "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "99999999999999999999",
                "-0", "+0", "0000000000000000000000001", "1x", "+", "-", "");
        return net.jqwik.api.Arbitraries.oneOf(net.jqwik.api.Combinators.combine(
                net.jqwik.api.Arbitraries.of("", "-", "+"), digits).as(String::concat), near, edges);
    }

    @Property
    void datesAgreeWithJavaTime(@ForAll("days") long day) throws Exception {
        assertThat(Values.parseDate(LocalDate.ofEpochDay(day).toString())).isEqualTo(day);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> days() {
        return net.jqwik.api.Arbitraries.longs().between(-300_000, 2_900_000);
    }

    @Test
    void rejectsNonFiniteAndOverflowingNumbersPrecisely() {
        assertThatThrownBy(() -> Values.parseDecimal("NaN")).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.getProblem()).isEqualTo(Problem.NOT_FINITE));
        assertThatThrownBy(() -> Values.parseDecimal("-Infinity")).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.getProblem()).isEqualTo(Problem.NOT_FINITE));
        assertThatThrownBy(() -> Values.parseDecimal("1e400")).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.getProblem()).isEqualTo(Problem.OVERFLOW));
        assertThatThrownBy(() -> Values.parseInteger("9223372036854775808"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.getProblem()).isEqualTo(Problem.OVERFLOW));
        for (String bad : new String[] {"", "-", "1d", "0x10", " 1", "1e", "1.2.3", "."}) {
            assertThat(ColumnType.DECIMAL.accepts(bad)).as(bad).isFalse();
        }
    }

    @Test
    void integerBoundariesAndStrictness() throws Exception {
        assertThat(Values.parseInteger("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Values.parseInteger("+42")).isEqualTo(42);
        assertThat(ColumnType.INTEGER.accepts("1.0")).isFalse();
        assertThat(ColumnType.INTEGER.accepts("")).isFalse();
    }

    @Test
    void timestampsAndDates() throws Exception {
        long micros = LocalDateTime.of(2024, 2, 29, 23, 59, 58).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        assertThat(Values.parseTimestamp("2024-02-29 23:59:58")).isEqualTo(micros);
        assertThat(Values.parseTimestamp("2024-02-29T23:59:58.5Z")).isEqualTo(micros + 500_000);
        assertThat(Values.parseTimestamp("2024-03-01T01:59:58+02:00")).isEqualTo(micros);
        assertThat(Values.formatTimestamp(micros + 500_000)).isEqualTo("2024-02-29 23:59:58.500000");
        assertThat(ColumnType.DATE.accepts("2023-02-29")).isFalse();
        assertThat(ColumnType.TIMESTAMP.accepts("2023-01-01 24:00:00")).isFalse();
        assertThat(ColumnType.BOOLEAN.accepts("TRUE")).isTrue();
        assertThat(ColumnType.BOOLEAN.accepts("yes")).isFalse();
    }

    @Test
    void infersTheNarrowestType() {
        assertThat(infer("1", "2", "-3")).isEqualTo(ColumnType.INTEGER);
        assertThat(infer("1", "2.5")).isEqualTo(ColumnType.DECIMAL);
        assertThat(infer("true", "False")).isEqualTo(ColumnType.BOOLEAN);
        assertThat(infer("2024-01-01", "2023-12-31")).isEqualTo(ColumnType.DATE);
        assertThat(infer("2024-01-01 10:00:00")).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(infer("1", "x")).isEqualTo(ColumnType.STRING);
        assertThat(infer("1.5", "NaN")).isEqualTo(ColumnType.STRING);
        assertThat(infer()).isEqualTo(ColumnType.STRING);
    }

    private static ColumnType infer(String... values) {
        TypeInference inference = new TypeInference();
        for (String value : values) {
            inference.accept(value);
        }
        return inference.type();
    }
}
