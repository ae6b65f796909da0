package io.jenkins.plugins.cd4ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateCommandTest {
    private static final String DATA = "id,age,country\n1,34,US\n2,,GB\n3,150,XX\n";
    private static final String EXPECTATIONS = """
            expectations:
              - {type: unique, column: id}
              - {type: between, column: age, min: 18, max: 120}
              - {type: in_set, column: country, values: [US, GB], severity: warning}
            """;

    @TempDir
    Path dir;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private int validate(String data, String expectations, String... more) throws Exception {
        Path csv = file("data.csv", data);
        Path yaml = file("e.yaml", expectations);
        String[] args = new String[4 + more.length];
        args[0] = "validate";
        args[1] = "--data=" + csv;
        args[2] = "--expectations=" + yaml;
        args[3] = "--samples=2";
        System.arraycopy(more, 0, args, 4, more.length);
        return run(args);
    }

    @Test
    void exitCodesFollowTheVerdict() throws Exception {
        assertThat(validate(DATA, EXPECTATIONS)).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("FAILED    age: between").contains("row 3 (line 4): '150'")
                .contains("Verdict: FAILED (1 passed, 1 failed, 1 unstable)");
        assertThat(validate(DATA, "expectations:\n  - {type: in_set, column: country, values: [US], severity: warning}\n"))
                .isEqualTo(ExitCodes.UNSTABLE);
        assertThat(validate(DATA, "expectations:\n  - {type: row_count, min: 3, max: 3}\n")).isEqualTo(ExitCodes.PASSED);
    }

    @Test
    void jsonReportCarriesSchemaVersionAndEveryResult() throws Exception {
        assertThat(validate(DATA, EXPECTATIONS, "--format", "json")).isEqualTo(ExitCodes.FAILED);
        var json = Json.mapper().readTree(out.toString());
        assertThat(json.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(json.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(json.get("results")).hasSize(3);
        assertThat(json.get("results").get(1).get("unexpectedCount").asLong()).isEqualTo(1);
        assertThat(json.get("results").get(1).get("samples").get(0).get("line").asLong()).isEqualTo(4);
    }

    @Test
    void otherFormatsAndOutputFile() throws Exception {
        assertThat(validate(DATA, EXPECTATIONS, "--format", "junit")).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("<testsuite name=\"cd4ml.validate\" tests=\"3\" failures=\"2\"");
        assertThat(validate(DATA, EXPECTATIONS, "--format", "markdown")).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("| ❌ FAILED | age: between |");
        Path html = dir.resolve("out/report.html");
        assertThat(validate(DATA, EXPECTATIONS, "--format", "html", "--output", html.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("age: between");
        assertThat(out.toString()).contains("Verdict: FAILED").contains("report written to");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ragged row               | 'id,age\\n1,2\\n3\\n'              | data.csv:3:2: row has 1 fields
            unterminated quote       | 'id,age\\n1,\"2\\n3,4\\n'          | data.csv:2:2: unterminated quoted field
            duplicate header         | 'id,age,id\\n1,2,3\\n'             | data.csv:1:3: duplicate column name 'id'
            empty file               | ''                                 | data.csv: the file is empty
            header only              | 'id,age\\n'                        | data.csv: the file has a header but no data rows
            NaN in a numeric column  | 'id,age\\n1,NaN\\n'                | data.csv:2:2: 'NaN' is not a finite number
            Inf in a numeric column  | 'id,age\\n1,-Infinity\\n'          | data.csv:2:2: '-Infinity' is not a finite number
            overflow                 | 'id,age\\n1,1e400\\n'              | data.csv:2:2: '1e400' is too large
            """)
    void badDataIsExitThreeWithALocationAndNoVerdict(String name, String data, String message) throws Exception {
        String csv = data.replace("\\n", "\n");
        int code = validate(csv, "expectations:\n  - {type: between, column: age, min: 0, max: 200}\n");
        assertThat(code).as(name).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).as(name).contains(message.replace("data.csv", dir.resolve("data.csv").toString()));
        assertThat(out.toString()).as(name).isEmpty();
        assertThat(err.toString()).doesNotContain("Verdict");
    }

    @Test
    void badEncodingBomAndMissingColumnAreExitThree() throws Exception {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "name\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path yaml = file("e.yaml", "expectations:\n  - {type: not_null, column: name}\n");
        assertThat(run("validate", "--data", latin1.toString(), "--expectations", yaml.toString())).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("latin1.csv:2:4: bytes that are not valid UTF-8");
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, "name\nx\n".getBytes(StandardCharsets.UTF_16));
        assertThat(run("validate", "--data", utf16.toString(), "--expectations", yaml.toString())).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("utf16.csv:1:1: UTF-16 byte order mark");
        assertThat(validate(DATA, "expectations:\n  - {type: not_null, column: agee}\n")).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("e.yaml:2:5: expectation 'agee: not_null' names column 'agee'");
    }

    @Test
    void malformedExpectationsAreExitThreeWithLineAndColumn() throws Exception {
        assertThat(validate(DATA, "expectations:\n  - type: not_nul\n    column: id\n")).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("e.yaml:2:11: unknown expectation type 'not_nul'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void usageErrorsAreExitTwo() throws Exception {
        Path csv = file("data.csv", DATA);
        assertThat(run("validate", "--data", csv.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("missing --expectations");
        assertThat(run("validate", "--data", csv.toString(), "--suggest", "--output", dir.resolve("s.yaml").toString(),
                "--baseline", "p.json")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--baseline checks drift while validating");
        assertThat(run("validate", "--data", csv.toString(), "--expectations", "x.yaml", "--format", "pdf"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(run("validate", "--data", csv.toString(), "--expectations", "x.yaml", "--delimiter", ";;"))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void jsonLinesAndGzip() throws Exception {
        Path jsonl = file("rows.jsonl", "{\"id\": 1, \"age\": 30}\n{\"id\": 2, \"age\": null}\n{\"id\": 3, \"age\": 150}\n");
        Path yaml = file("e.yaml", "expectations:\n  - {type: between, column: age, max: 120}\n  - {type: unique, column: id}\n");
        assertThat(run("validate", "--data", jsonl.toString(), "--expectations", yaml.toString(), "--format", "json"))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(Json.mapper().readTree(out.toString()).at("/results/0/samples/0/line").asLong()).isEqualTo(3);
        Path gz = dir.resolve("data.csv.gz");
        try (var zip = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            zip.write("id,age\n1,30\n2,40\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(run("validate", "--data", gz.toString(), "--expectations", yaml.toString())).isEqualTo(ExitCodes.PASSED);
    }

    @Test
    void delimiterOption() throws Exception {
        Path csv = file("semi.txt", "id;age\n1;20\n2;30\n");
        Path yaml = file("e.yaml", "expectations:\n  - {type: mean, column: age, min: 25, max: 25}\n");
        assertThat(run("validate", "--data", csv.toString(), "--expectations", yaml.toString(), "--delimiter", ";"))
                .isEqualTo(ExitCodes.PASSED);
    }

    @Test
    void suggestWritesExpectationsTheSameDataPasses() throws Exception {
        StringBuilder data = new StringBuilder("id,age,income,country,joined,active\n");
        for (int i = 0; i < 200; i++) {
            data.append(1000 + i).append(',').append(i % 7 == 0 ? "" : String.valueOf(18 + i % 60)).append(',')
                    .append(1000.5 + i * 3.25).append(',').append(new String[] {"US", "GB", "DE"}[i % 3]).append(',')
                    .append(String.format("2023-%02d-%02d", 1 + i % 12, 1 + i % 28)).append(',')
                    .append(i % 2 == 0).append('\n');
        }
        Path csv = file("train.csv", data.toString());
        Path suggestion = dir.resolve("suggested.yaml");
        assertThat(run("validate", "--data", csv.toString(), "--suggest", "--output", suggestion.toString()))
                .isEqualTo(ExitCodes.PASSED);
        String yaml = Files.readString(suggestion);
        assertThat(yaml).contains("  - type: unique\n    column: \"id\"\n").contains("column_type: decimal")
                .contains("column: \"age\"\n    mostly: 0.85\n    severity: warning")
                .contains("values: [\"DE\", \"GB\", \"US\"]").contains("min: \"2023-01-01\"")
                .contains("column_type: boolean");
        assertThat(run("validate", "--data", csv.toString(), "--expectations", suggestion.toString()))
                .as(out.toString()).isEqualTo(ExitCodes.PASSED);
        assertThat(run("validate", "--data", csv.toString(), "--suggest", "--output", suggestion.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("already exists");
    }

    @Test
    void bundledExampleTrainsWithOneWarningAndEvaluatesClean() {
        Path example = Path.of("..", "examples", "credit-risk");
        String expectations = example.resolve("ml/expectations.yaml").toString();
        assertThat(run("validate", "--data", example.resolve("data/train.csv").toString(), "--expectations", expectations))
                .as(out.toString()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(out.toString()).contains("UNSTABLE  debt_ratio: high-debt share")
                .contains("(23 passed, 0 failed, 1 unstable)");
        assertThat(run("validate", "--data", example.resolve("data/eval.csv").toString(), "--expectations", expectations))
                .as(out.toString()).isEqualTo(ExitCodes.PASSED);
    }

    /** {@code n} rows {@code id,age,country}: ages {@code shift + 20 .. shift + 59}, countries US/GB/DE. */
    private static String ages(int n, int shift) {
        StringBuilder csv = new StringBuilder("id,age,country\n");
        for (int i = 0; i < n; i++) {
            csv.append(i + 1).append(',').append(shift + 20 + i % 40).append(',')
                    .append(new String[] {"US", "GB", "DE"}[i % 3]).append('\n');
        }
        return csv.toString();
    }

    private static final String LOOSE = """
            expectations:
              - {type: between, column: age, min: 0, max: 200}
            drift:
              exclude: [id]
            """;

    @Test
    void baselineAddsDriftChecksToTheReportAndTheVerdict() throws Exception {
        Path baseline = file("baseline.csv", ages(400, 0));

        assertThat(validate(ages(400, 0), LOOSE, "--baseline", baseline.toString(), "--format", "json"))
                .as(err.toString()).isEqualTo(ExitCodes.PASSED);
        var same = Json.mapper().readTree(out.toString());
        assertThat(same.get("verdict").asText()).isEqualTo("PASSED");
        assertThat(same.at("/drift/kind").asText()).isEqualTo("drift");
        assertThat(same.at("/drift/columns/age/psi").asDouble()).isZero();
        assertThat(same.at("/drift/columns").has("id")).as("excluded by the drift: section").isFalse();

        assertThat(validate(ages(400, 25), LOOSE, "--baseline", baseline.toString(), "--format", "json"))
                .isEqualTo(ExitCodes.FAILED);
        var shifted = Json.mapper().readTree(out.toString());
        assertThat(shifted.at("/results/0/status").asText()).as("the expectation itself holds").isEqualTo("PASSED");
        assertThat(shifted.at("/drift/verdict").asText()).isEqualTo("FAILED");
        assertThat(shifted.get("verdict").asText()).isEqualTo("FAILED");
        assertThat(shifted.at("/drift/columns/age/psi").asDouble()).isGreaterThan(0.2);
        assertThat(shifted.at("/drift/columns/country/psi").asDouble()).isZero();

        assertThat(validate(ages(400, 25), LOOSE, "--baseline", baseline.toString(), "--format", "junit"))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("age: between").contains("age: psi");
        assertThat(validate(ages(400, 25), LOOSE, "--baseline", baseline.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("baseline: " + baseline).contains("age: psi");
    }

    @Test
    void driftSectionSetsTheDriftChecksAndWarningsMakeItUnstable() throws Exception {
        Path baseline = file("baseline.csv", ages(400, 0));
        String warnOnly = LOOSE + "  defaults:\n    - {metric: psi, threshold: 0.2, severity: warning}\n";
        assertThat(validate(ages(400, 25), warnOnly, "--baseline", baseline.toString(), "--format", "markdown"))
                .as(out.toString()).isEqualTo(ExitCodes.UNSTABLE);
        assertThat(out.toString()).contains("age: psi");
    }

    @Test
    void profileBaselineWorksLikeTheDataItSummarises() throws Exception {
        Path baseline = file("baseline.csv", ages(400, 0));
        Path profile = dir.resolve("train-profile.json");
        assertThat(run("profile", "--data", baseline.toString(), "--output", profile.toString()))
                .as(err.toString()).isEqualTo(ExitCodes.PASSED);
        assertThat(validate(ages(400, 25), LOOSE, "--baseline", profile.toString(), "--format", "json"))
                .as(err.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(Json.mapper().readTree(out.toString()).at("/drift/columns/age/psi").asDouble()).isGreaterThan(0.2);
        assertThat(validate(ages(400, 0), LOOSE, "--baseline", profile.toString())).isEqualTo(ExitCodes.PASSED);
    }

    @Test
    void unreadableBaselineOrDriftSectionIsExitThreeWithoutVerdict() throws Exception {
        assertThat(validate(ages(50, 0), LOOSE, "--baseline", dir.resolve("missing.json").toString(), "--format", "json"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("missing.json");
        assertThat(out.toString()).isEmpty();

        Path baseline = file("baseline.csv", ages(50, 0));
        String typo = LOOSE + "  thresholds: 0.2\n";
        assertThat(validate(ages(50, 0), typo, "--baseline", baseline.toString())).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("e.yaml").contains("thresholds");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void driftSectionIsIgnoredWithoutABaseline() throws Exception {
        assertThat(validate(ages(50, 25), LOOSE, "--format", "json")).isEqualTo(ExitCodes.PASSED);
        assertThat(Json.mapper().readTree(out.toString()).has("drift")).isFalse();
    }
}
