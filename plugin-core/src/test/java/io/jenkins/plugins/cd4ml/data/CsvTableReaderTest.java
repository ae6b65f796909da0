package io.jenkins.plugins.cd4ml.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private List<List<String>> readAll(Path file) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (TableReader table = TableReader.open(file)) {
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
    void readsQuotedFieldsWithEmbeddedNewlinesAndNulls() throws Exception {
        Path file = write("a.csv", "id,text\n1,\"hello, \"\"world\"\"\nagain\"\n2,\n");
        assertThat(readAll(file)).containsExactly(List.of("1", "hello, \"world\"\nagain"),
                java.util.Arrays.asList("2", null));
    }

    @Test
    void reportsRaggedRowWithLineAndColumn() throws Exception {
        Path file = write("ragged.csv", "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ragged.csv:3:2")
                .hasMessageContaining("expected 2");
    }

    @Test
    void rejectsEmptyHeaderOnlyAndDuplicateHeaders() throws Exception {
        assertThatThrownBy(() -> readAll(write("empty.csv", ""))).hasMessageContaining("empty");
        assertThatThrownBy(() -> readAll(write("header.csv", "a,b\n"))).hasMessageContaining("no data rows");
        assertThatThrownBy(() -> readAll(write("dup.csv", "a,b,a\n1,2,3\n")))
                .hasMessageContaining("dup.csv:1:3").hasMessageContaining("duplicate column name 'a'");
    }

    @Test
    void rejectsInvalidUtf8AndUtf16Bom() throws Exception {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'a', '\n', 'x', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> readAll(latin1)).hasMessageContaining("UTF-8");
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, "a\n1\n".getBytes(StandardCharsets.UTF_16));
        assertThatThrownBy(() -> readAll(utf16)).hasMessageContaining("UTF-16");
    }

    @Test
    void skipsUtf8BomAndReadsJsonLines() throws Exception {
        assertThat(readAll(write("bom.csv", "\uFEFFa\n1\n"))).containsExactly(List.of("1"));
        Path jsonl = write("rows.jsonl", "{\"a\":1,\"b\":\"x\"}\n{\"a\":2}\n");
        try (TableReader table = TableReader.open(jsonl)) {
            assertThat(table.columns()).containsExactly("a", "b");
            assertThat(table.next()).isTrue();
            assertThat(table.value(1)).isEqualTo("x");
            assertThat(table.next()).isTrue();
            assertThat(table.value(1)).isNull();
            assertThat(table.line()).isEqualTo(2);
        }
    }
}
