package io.jenkins.plugins.cd4ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a file in parts gives exactly the rows of reading it whole, or says it cannot; a failure
 * it throws is the one the whole read throws.
 */
class TablePartsTest {
    @TempDir
    Path dir;

    @Property(tries = 600)
    void partsHoldTheWholeReadsRowsOrGiveUp(@ForAll("csvText") String text, @ForAll boolean byteOrderMark,
            @ForAll @IntRange(min = 2, max = 5) int threads, @ForAll @IntRange(min = 1, max = 3) int partsPerThread,
            @ForAll @IntRange(min = 1, max = 24) int minPartBytes, @ForAll @IntRange(min = 1, max = 48) int blockBytes)
            throws Exception {
        Path file = Files.createTempFile("parts", ".csv");
        try {
            Files.write(file, ((byteOrderMark ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8));
            List<String> whole = new ArrayList<>();
            InvalidInputException wholeFailure = null;
            int width = 0;
            try (TableReader table = TableReader.open(file)) {
                width = table.columns().size();
                while (table.next()) {
                    whole.add(row(table.columns().size(), i -> table.value(i)));
                }
            } catch (InvalidInputException e) {
                wholeFailure = e;
            }
            var parts = TableParts.of(file, TableFormat.csv(), threads, partsPerThread, minPartBytes)
                    .map(p -> p.blockBytes(blockBytes));
            if (parts.isEmpty()) {
                Statistics.label("parts").collect("not split");
                return;
            }
            List<Collector> collectors = new ArrayList<>();
            for (int k = 0; k < parts.get().count(); k++) {
                collectors.add(new Collector(width));
            }
            boolean read;
            try {
                read = parts.get().read(collectors, "test");
            } catch (InvalidInputException e) {
                Statistics.label("parts").collect("first part failed");
                assertThat(wholeFailure).as("the whole read fails too").isNotNull();
                assertThat(e.getMessage()).isEqualTo(wholeFailure.getMessage());
                return;
            }
            if (!read) {
                Statistics.label("parts").collect("read whole instead");
                return;
            }
            Statistics.label("parts").collect("read in " + parts.get().count() + " parts");
            assertThat(wholeFailure).as("parts read what the whole read refuses").isNull();
            List<String> joined = new ArrayList<>();
            collectors.forEach(c -> joined.addAll(c.rows));
            assertThat(joined).isEqualTo(whole);
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<String> csvText() {
        return Arbitraries.oneOf(CsvBlockReaderPropertiesTest.wellFormed(), CsvBlockReaderPropertiesTest.wellFormed(),
                CsvBlockReaderPropertiesTest.chaos());
    }

    @Test
    void readsAPlainFileInEveryPartAndJoinsExactly() throws Exception {
        Path file = write("a.csv", numbered(5000));
        var parts = TableParts.of(file, TableFormat.csv(), 4, 8, 1000).orElseThrow().blockBytes(100);
        List<Collector> collectors = collectors(parts);

        assertThat(parts.count()).as("several parts per thread").isEqualTo(32);
        assertThat(TableParts.of(file, TableFormat.csv(), 4, 1000).orElseThrow().count()).as("by default").isEqualTo(4);
        assertThat(parts.read(collectors, "test")).isTrue();
        List<String> joined = new ArrayList<>();
        for (Collector c : collectors) {
            assertThat(c.rows).isNotEmpty();
            joined.addAll(c.rows);
        }
        assertThat(joined).hasSize(5000).startsWith("0|zero").endsWith("4999|zero");
    }

    @Test
    void aQuotedLineBreakAtTheSplitMakesTheCallerReadWhole() throws Exception {
        // one quoted field spans the middle of the file, line feeds inside it
        String text = "id,text\n1,\"" + "x\n".repeat(400) + "\"\n2,b\n";
        Path file = write("q.csv", text);
        var parts = TableParts.of(file, TableFormat.csv(), 2, 100).orElseThrow();

        assertThat(parts.read(collectors(parts), "test")).isFalse();
    }

    @Test
    void aFailureInTheFirstPartIsTheWholeReadsFailure() throws Exception {
        Path file = write("bad.csv", numbered(10) + "1,2,3\n" + numbered(3000).substring("id,name\n".length()));
        var parts = TableParts.of(file, TableFormat.csv(), 2, 1000).orElseThrow();

        assertThatThrownBy(() -> parts.read(collectors(parts), "test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.csv:12")
                .hasMessageContaining("row has 3 fields (expected 2 as in the header)");
    }

    @Test
    void aFailureInALaterPartMakesTheCallerReadWhole() throws Exception {
        Path file = write("late.csv", numbered(3000) + "1,2,3\n");
        var parts = TableParts.of(file, TableFormat.csv(), 2, 1000).orElseThrow();

        assertThat(parts.read(collectors(parts), "test")).isFalse();
    }

    @Test
    void aConsumersFailureInTheFirstPartIsThrownAsItIs() throws Exception {
        Path file = write("c.csv", numbered(3000));
        var parts = TableParts.of(file, TableFormat.csv(), 2, 1000).orElseThrow();
        InvalidInputException refusal = new InvalidInputException(
                new io.jenkins.plugins.cd4ml.report.SourceLocation("c.csv", 2, 1), "refused");

        TableParts.PartConsumer refusing = block -> {
            throw refusal;
        };

        List<TableParts.PartConsumer> consumers = new ArrayList<>(collectors(parts));
        consumers.set(0, refusing);

        assertThatThrownBy(() -> parts.read(consumers, "test")).isSameAs(refusal);
    }

    @Test
    void anInterruptOfTheCallingThreadStopsTheReading() throws Exception {
        Path file = write("i.csv", numbered(3000));
        var parts = TableParts.of(file, TableFormat.csv(), 2, 1000).orElseThrow();

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> parts.read(collectors(parts), "test"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("reading was interrupted");
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        }
    }

    @Test
    void compressedSmallAndJsonLinesFilesAreNotSplit() throws Exception {
        Path gz = dir.resolve("a.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(numbered(5000).getBytes(StandardCharsets.UTF_8));
        }
        Path small = write("small.csv", numbered(3));
        Path json = write("a.jsonl", "{\"a\":1}\n".repeat(1000));

        assertThat(TableParts.of(gz, TableFormat.detect(gz), 4, 100)).isEmpty();
        assertThat(TableParts.of(small, TableFormat.csv(), 4, 1000)).isEmpty();
        assertThat(TableParts.of(json, TableFormat.detect(json), 4, 100)).isEmpty();
        assertThat(TableParts.of(small, TableFormat.csv(), 1, 1)).isEmpty();
    }

    private static List<Collector> collectors(TableParts parts) {
        List<Collector> collectors = new ArrayList<>();
        for (int k = 0; k < parts.count(); k++) {
            collectors.add(new Collector(2));
        }
        return collectors;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String numbered(int rows) {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < rows; i++) {
            text.append(i).append(",zero\n");
        }
        return text.toString();
    }

    private static String row(int width, java.util.function.IntFunction<String> cell) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < width; i++) {
            row.append(i == 0 ? "" : "|").append(cell.apply(i));
        }
        return row.toString();
    }

    /** Keeps the text of every row it is given. */
    private static final class Collector implements TableParts.PartConsumer {
        final List<String> rows = new ArrayList<>();
        private final int width;

        Collector(int width) {
            this.width = width;
        }

        @Override
        public void accept(RowBlock block) {
            for (int r = 0; r < block.size(); r++) {
                int at = r;
                rows.add(row(width, i -> block.text(at, i)));
            }
        }
    }
}
