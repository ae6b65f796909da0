package io.jenkins.plugins.cd4ml.gates.expectations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.data.ColumnType;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExpectationsParserTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private String errorOf(String yaml) throws Exception {
        Path file = write("e.yaml", yaml);
        try {
            ExpectationsParser.parse(file);
        } catch (InvalidInputException e) {
            return e.getMessage().substring(file.toString().length());
        }
        throw new AssertionError("expected an error for:\n" + yaml);
    }

    @Test
    void readsEveryFieldWithDefaults() throws Exception {
        Path file = write("e.yaml", """
                version: 1
                expectations:
                  - type: not_null
                    column: age
                    mostly: 0.98
                    severity: warning
                  - type: between
                    column: age
                    min: 18
                    max: 120.50
                  - type: type
                    column: ts
                    column_type: timestamp
                  - type: compare
                    left: a
                    op: "<="
                    right: b
                """);
        ExpectationSuite suite = ExpectationsParser.parse(file);
        assertThat(suite.expectations()).hasSize(4);
        Expectation notNull = suite.expectations().get(0);
        assertThat(notNull.name()).isEqualTo("age: not_null");
        assertThat(notNull.severity()).isEqualTo(Severity.WARNING);
        assertThat(notNull.mostly()).isEqualTo(0.98);
        assertThat(notNull.declaredAt().line()).isEqualTo(3);
        Expectation between = suite.expectations().get(1);
        assertThat(between.severity()).isEqualTo(Severity.FAILURE);
        assertThat(between.mostly()).isEqualTo(1.0);
        assertThat(between.min()).isEqualTo("18");
        assertThat(between.max()).isEqualTo("120.5");
        assertThat(suite.expectations().get(2).columnType()).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(suite.expectations().get(3).name()).isEqualTo("a <= b");
        assertThat(suite.expectations().get(3).columns()).containsExactly("a", "b");
    }

    @Test
    void readsJsonByExtension() throws Exception {
        Path file = write("e.json", "{\"expectations\": [{\"type\": \"row_count\", \"min\": 1}]}");
        assertThat(ExpectationsParser.parse(file).expectations()).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(ExpectationType.ROW_COUNT));
        Path broken = write("b.json", "{\"expectations\": [\n  {\"type\": }\n]}");
        assertThatThrownBy(() -> ExpectationsParser.parse(broken)).hasMessageContaining("b.json:2:")
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void unknownTypeNamesLineColumnAndTheKnownTypes() throws Exception {
        assertThat(errorOf("expectations:\n  - type: not_nul\n    column: a\n"))
                .startsWith(":2:11: unknown expectation type 'not_nul' (expected one of column_exists,")
                .contains("not_null");
    }

    @Test
    void missingAndExtraKeysAndWrongTypes() throws Exception {
        assertThat(errorOf("expectations:\n  - type: not_null\n")).startsWith(":2:5: missing key 'column'");
        assertThat(errorOf("expectations:\n  - type: not_null\n    column: a\n    colour: red\n"))
                .startsWith(":4:5: unknown key 'colour' for a not_null expectation (expected one of [column,");
        assertThat(errorOf("expectations:\n  - type: between\n    column: a\n    min: ten\n"))
                .startsWith(":4:10: found the text 'ten' for 'min' (expected a number)");
        assertThat(errorOf("expectations:\n  - type: not_null\n    column: a\n    mostly: 1.5\n"))
                .startsWith(":4:13: found the number 1.5 for 'mostly' (expected a number in (0, 1])");
        assertThat(errorOf("expectations:\n  - type: row_count\n    mostly: 0.5\n    min: 1\n"))
                .startsWith(":3:5: unknown key 'mostly'");
        assertThat(errorOf("expectations:\n  - type: between\n    column: a\n")).contains("needs 'min', 'max' or both");
        assertThat(errorOf("expectations:\n  - type: between\n    column: a\n    min: 5\n    max: 1\n"))
                .startsWith(":5:10: max 1 is below min 5");
        assertThat(errorOf("expectations:\n  - type: regex\n    column: a\n    pattern: \"[a-\"\n"))
                .startsWith(":4:14: invalid regular expression");
        assertThat(errorOf("expectations:\n  - type: not_null\n    column: a\n    severity: fatal\n"))
                .startsWith(":4:15: expected severity 'failure' or 'warning'");
        assertThat(errorOf("expectations:\n  - type: length\n    column: a\n    max: 2.5\n"))
                .contains("expected a whole number >= 0");
        assertThat(errorOf("expectations:\n  - type: date_range\n    column: a\n    min: 2023-13-01\n"))
                .contains("expected a date yyyy-MM-dd");
        assertThat(errorOf("expectations:\n  - type: compare\n    left: a\n    op: \"=>\"\n    right: b\n"))
                .contains("unknown operator '=>'");
        assertThat(errorOf("expectations:\n  - type: type\n    column: a\n    column_type: float128\n"))
                .contains("unknown column type 'float128'");
    }

    @Test
    void documentLevelMistakes() throws Exception {
        assertThat(errorOf("")).contains("empty");
        assertThat(errorOf("- a\n- b\n")).contains("found a list (expected a mapping");
        assertThat(errorOf("expectation: []\n")).startsWith(":1:1: unknown key 'expectation'");
        assertThat(errorOf("version: 2\nexpectations: []\n")).startsWith(":1:10: unsupported version");
        assertThat(errorOf("expectations:\n  - type: not_null\n    column: a\n    column: b\n"))
                .contains("duplicate key 'column'");
        assertThat(errorOf("expectations:\n  - type: not_null\n    column: a\n  - type: not_null\n    column: a\n"))
                .startsWith(":4:5: duplicate expectation name 'a: not_null'");
        assertThat(errorOf("expectations: [\n")).contains("malformed YAML");
    }
}
