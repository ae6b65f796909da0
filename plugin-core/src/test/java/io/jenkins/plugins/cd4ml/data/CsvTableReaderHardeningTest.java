package io.jenkins.plugins.cd4ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderHardeningTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<List<String>> readAll(TableReader table) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (table) {
            while (table.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    row.add(table.value(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void readsOtherDelimitersAndTsvByExtension() throws Exception {
        Path semi = write("semi.csv", "a;b\n1;\"x;y\"\n");
        assertThat(readAll(TableReader.open(semi, TableFormat.detect(semi).withDelimiter(';'))))
                .containsExactly(List.of("1", "x;y"));
        assertThat(readAll(TableReader.open(write("t.tsv", "a\tb\n1\t2\n")))).containsExactly(List.of("1", "2"));
    }

    @Test
    void readsGzipByExtension() throws Exception {
        Path gz = dir.resolve("data.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(readAll(TableReader.open(gz))).containsExactly(List.of("1", "2"), List.of("3", "4"));
        Path notGzip = write("plain.csv.gz", "a\n1\n");
        assertThatThrownBy(() -> TableReader.open(notGzip)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plain.csv.gz").hasMessageContaining("cannot be read");
    }

    @Test
    void reportsTheLineAndColumnWhereAnUnterminatedQuoteOpened() throws Exception {
        Path file = write("open.csv", "a,b,c\n1,2,3\n4,5,\"six\n7,8,9\n");
        assertThatThrownBy(() -> readAll(TableReader.open(file))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("open.csv:3:3: unterminated quoted field")
                .hasMessageContaining("line 3, character 5");
    }

    @Test
    void readsALoneCarriageReturnInsideQuotesAsText() throws Exception {
        Path file = write("cr.csv", "a,b\n1,2\n3,\"x\ry\"\n5,6\n");
        assertThat(readAll(TableReader.open(file))).containsExactly(List.of("1", "2"), List.of("3", "x\ry"),
                List.of("5", "6"));
        assertThat(readAll(TableReader.open(write("crlf.csv", "a,b\n1,\"x\r\ny\"\n")))).containsExactly(List.of("1", "x\r\ny"));
    }

    @Test
    void reportsCharacterAfterClosingQuote() throws Exception {
        Path file = write("after.csv", "a,b\n1,\"x\"y\n");
        assertThatThrownBy(() -> readAll(TableReader.open(file)))
                .hasMessageContaining("after.csv:2:2: character 'y' after the closing quote");
    }

    @Test
    void locatesInvalidUtf8Exactly() throws Exception {
        Path file = dir.resolve("latin1.csv");
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i).append(",x\n");
        }
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = {'5', ',', 'c', 'a', 'f', (byte) 0xE9, '\n'};
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        Files.write(file, all);
        assertThatThrownBy(() -> readAll(TableReader.open(file)))
                .hasMessageContaining("latin1.csv:5002:6:").hasMessageContaining("UTF-8");
    }

    @Test
    void rejectsAHundredMegabyteFieldWithoutRunningOutOfMemory() {
        long size = 100L * 1024 * 1024;
        InputFiles.Opener opener = () -> new SequenceInputStream(
                new ByteArrayInputStream("id,text\n1,short\n2,".getBytes(StandardCharsets.US_ASCII)),
                new RepeatedByteStream('x', size));
        assertThatThrownBy(() -> readAll(CsvTableReader.open("huge.csv", opener, TableFormat.csv())))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("huge.csv:3:2: a field longer than " + CsvTableReader.MAX_FIELD_CHARS);
    }

    @Test
    void raggedRowsWithTooManyFieldsAreReported() throws Exception {
        Path file = write("wide.csv", "a,b\n1,2\n3,4,5\n");
        assertThatThrownBy(() -> readAll(TableReader.open(file)))
                .hasMessageContaining("wide.csv:3:3: row has 3 fields (expected 2");
    }

    @Test
    void emptyAndBlankHeaderNamesAreReported() throws Exception {
        assertThatThrownBy(() -> readAll(TableReader.open(write("blank.csv", "a,,c\n1,2,3\n"))))
                .hasMessageContaining("blank.csv:1:2: empty column name");
        assertThatThrownBy(() -> TableReader.open(dir.resolve("missing.csv")))
                .hasMessageContaining("file not found");
    }

    /** An input stream of one repeated byte, so huge inputs need no memory or disk. */
    private static final class RepeatedByteStream extends InputStream {
        private final int value;
        private long remaining;

        RepeatedByteStream(char value, long size) {
            this.value = value;
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, remaining);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) value);
            remaining -= n;
            return n;
        }
    }
}
