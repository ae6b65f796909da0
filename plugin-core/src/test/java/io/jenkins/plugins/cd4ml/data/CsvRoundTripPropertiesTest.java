package io.jenkins.plugins.cd4ml.data;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever FastCSV's writer writes, our reader reads back exactly (the reference writer). */
class CsvRoundTripPropertiesTest {
    @Property(tries = 300)
    void roundTripsFieldsWithQuotesDelimitersNewlinesAndUnicode(@ForAll("tables") List<List<String>> rows,
            @ForAll("delimiters") char delimiter, @ForAll boolean crlf) throws Exception {
        int width = rows.get(0).size();
        StringWriter text = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().fieldSeparator(delimiter)
                .quoteStrategy(QuoteStrategies.EMPTY)
                .lineDelimiter(crlf ? LineDelimiter.CRLF : LineDelimiter.LF).build(text)) {
            List<String> header = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                header.add("c" + i);
            }
            writer.writeRecord(header);
            for (List<String> row : rows) {
                writer.writeRecord(row);
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        List<List<String>> read = new ArrayList<>();
        try (TableReader table = CsvTableReader.open("gen.csv", () -> new ByteArrayInputStream(bytes),
                TableFormat.csv().withDelimiter(delimiter))) {
            while (table.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    String value = table.value(i);
                    row.add(value == null ? "" : value);
                }
                read.add(row);
            }
        } catch (io.jenkins.plugins.cd4ml.report.InvalidInputException e) {
            throw new AssertionError("cannot read back " + escaped(List.of(List.of(text.toString()))), e);
        }
        assertThat(escaped(read)).isEqualTo(escaped(rows));
    }

    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Shows control characters visibly, so a failure message is readable. */
    private static String escaped(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            for (String field : row) {
                text.append('[');
                field.codePoints().forEach(c -> text.append(c < 0x20 || c >= 0x7F ? String.format("\\u%04x", c)
                        : new String(Character.toChars(c))));
                text.append(']');
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Provide
    Arbitrary<Character> delimiters() {
        return Arbitraries.of(',', ';', '\t', '|');
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        // tokens keep surrogate pairs whole: a lone surrogate is not text and cannot be written as UTF-8
        Arbitrary<String> tricky = Arbitraries.of("a", "b", ",", ";", "|", "\t", "\"", "\"\"", "\r", "\n", "\r\n",
                " ", "é", "€", "😀", "𝄞").list().ofMaxSize(10).map(tokens -> String.join("", tokens));
        Arbitrary<String> field = Arbitraries.oneOf(tricky,
                Arbitraries.strings().all().ofMaxLength(8).filter(CsvRoundTripPropertiesTest::isWellFormed),
                Arbitraries.strings().numeric().ofMaxLength(6));
        return Arbitraries.integers().between(1, 5).flatMap(width ->
                field.list().ofSize(width)
                        // a row whose only field is empty would be an empty line, which readers skip
                        .filter(row -> !(row.size() == 1 && row.get(0).isEmpty()))
                        .list().ofMinSize(1).ofMaxSize(8));
    }
}
