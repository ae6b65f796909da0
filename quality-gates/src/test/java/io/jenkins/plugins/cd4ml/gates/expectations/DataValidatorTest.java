package io.jenkins.plugins.cd4ml.gates.expectations;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataValidatorTest {
    private static final String DATA = """
            id,age,score,country,email,signup,event,code
            1,34,0.5,US,a@x.org,2023-01-01,2023-02-01 10:00:00,PRD-00001
            2,,0.7,GB,b@x.org,2023-03-05,2023-03-04 09:00:00,PRD-00002
            3,150,0.9,XX,not-an-email,2023-01-02,2023-01-03 00:00:00,prd-3
            3,40,1.1,US,c@x.org,2024-05-06,2025-01-01 00:00:00,PRD-00004
            5,-1,0.2,DE,d@x.org,,2023-06-01 12:30:00,PRD-00005
            """;

    @TempDir
    Path dir;

    private ValidationReport validate(String data, String expectations, ValidationOptions options) throws Exception {
        Path csv = Files.writeString(dir.resolve("data.csv"), data);
        Path yaml = Files.writeString(dir.resolve("e.yaml"), expectations);
        return DataValidator.validate(csv, yaml, options);
    }

    private static Map<String, ExpectationResult> byName(ValidationReport report) {
        return report.results().stream().collect(Collectors.toMap(ExpectationResult::name, Function.identity()));
    }

    @Test
    void regexMatchesCellsReadFromBytesAsJavaDoes() throws Exception {
        String data = "name\ncaf\u00E9\nab\uD83D\uDE00\nabab\nx\n";
        String expectations = """
                expectations:
                  - {type: regex, column: name, pattern: "[a-z]+.", name: on a dfa}
                  - {type: regex, column: name, pattern: "(ab)\\\\1", name: back-reference}
                """;
        Map<String, ExpectationResult> r = byName(validate(data, expectations, ValidationOptions.defaults()));
        // the dot takes the emoji as one code point, as java.util.regex does; only "x" is too short
        assertThat(r.get("on a dfa").samples()).extracting(Sample::value).containsExactly("x");
        assertThat(r.get("back-reference").samples()).extracting(Sample::value)
                .containsExactly("caf\u00E9", "ab\uD83D\uDE00", "x");
    }

    @Test
    void evaluatesEveryKindInOnePass() throws Exception {
        String expectations = """
                expectations:
                  - {type: row_count, min: 1, max: 10}
                  - {type: columns_match, columns: [id, age, score, country, email, signup, event, code]}
                  - {type: column_exists, column: missing_col, severity: warning}
                  - {type: not_null, column: age, mostly: 0.8}
                  - {type: not_null, column: signup, name: signup present}
                  - {type: unique, column: id}
                  - {type: between, column: age, min: 18, max: 120}
                  - {type: in_set, column: country, values: [US, GB, DE]}
                  - {type: regex, column: email, pattern: "[a-z]+@[a-z]+\\\\.[a-z]{2,}"}
                  - {type: regex, column: code, pattern: "PRD-[0-9]{5}", severity: warning}
                  - {type: length, column: code, min: 9, max: 9}
                  - {type: date_range, column: event, min: "2023-01-01", max: "2025-01-01", max_exclusive: true}
                  - {type: type, column: event, column_type: timestamp}
                  - {type: compare, left: signup, op: "<=", right: event}
                  - {type: mean, column: score, min: 0.6, max: 0.7}
                  - {type: stddev, column: score, max: 0.1}
                  - {type: min, column: age, min: 0}
                  - {type: max, column: score, max: 1}
                  - {type: quantile, column: score, quantile: 0.5, min: 0.7, max: 0.7}
                  - {type: distinct_count, column: country, min: 4, max: 4}
                """;
        ValidationReport report = validate(DATA, expectations, ValidationOptions.defaults().withMaxSamples(2));
        Map<String, ExpectationResult> r = byName(report);
        assertThat(report.rows()).isEqualTo(5);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(r.get("row_count").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(r.get("columns_match").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(r.get("missing_col: column_exists").status()).isEqualTo(CheckStatus.UNSTABLE);
        // 1 null of 5 rows: 80% present meets mostly 0.8
        assertThat(r.get("age: not_null").unexpectedCount()).isEqualTo(1);
        assertThat(r.get("age: not_null").status()).isEqualTo(CheckStatus.PASSED);
        assertThat(r.get("signup present").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(r.get("signup present").samples()).containsExactly(new Sample(5, 6, null));
        assertThat(r.get("id: unique").unexpectedCount()).isEqualTo(1);
        assertThat(r.get("id: unique").samples()).containsExactly(new Sample(4, 5, "3"));
        ExpectationResult between = r.get("age: between");
        assertThat(between.elementCount()).isEqualTo(4);
        assertThat(between.unexpectedCount()).isEqualTo(2);
        assertThat(between.samples()).extracting(Sample::value).containsExactly("150", "-1");
        assertThat(between.observedValue()).isEqualTo(0.5);
        assertThat(r.get("country: in_set").unexpectedCount()).isEqualTo(1);
        assertThat(r.get("email: regex").unexpectedCount()).isEqualTo(1);
        assertThat(r.get("code: regex").status()).isEqualTo(CheckStatus.UNSTABLE);
        assertThat(r.get("code: length").unexpectedCount()).isEqualTo(1);
        assertThat(r.get("event: date_range").unexpectedCount()).isEqualTo(1);
        assertThat(r.get("event: type timestamp").unexpectedCount()).isZero();
        // signup 2023-03-05 after event day 2023-03-04; the row with a null signup is not judged
        ExpectationResult compare = r.get("signup <= event");
        assertThat(compare.elementCount()).isEqualTo(4);
        assertThat(compare.unexpectedCount()).isEqualTo(1);
        assertThat(compare.samples().get(0).value()).isEqualTo("signup=2023-03-05, event=2023-03-04 09:00:00");
        double mean = (0.5 + 0.7 + 0.9 + 1.1 + 0.2) / 5;
        assertThat(r.get("score: mean").observedValue()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.get("score: mean").status()).isEqualTo(CheckStatus.PASSED);
        double ss = 0;
        for (double v : new double[] {0.5, 0.7, 0.9, 1.1, 0.2}) {
            ss += (v - mean) * (v - mean);
        }
        assertThat(r.get("score: stddev").observedValue()).isCloseTo(Math.sqrt(ss / 4), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.get("age: min").observedValue()).isEqualTo(-1.0);
        assertThat(r.get("age: min").status()).isEqualTo(CheckStatus.FAILED);
        assertThat(r.get("score: max").observedValue()).isEqualTo(1.1);
        assertThat(r.get("score: quantile 0.5").observedValue()).isEqualTo(0.7);
        assertThat(r.get("country: distinct_count").observedValue()).isEqualTo(4.0);
        assertThat(report.summary().total()).isEqualTo(20);
        assertThat(report.summary().failed() + report.summary().unstable() + report.summary().passed()).isEqualTo(20);
    }

    @Test
    void warningsOnlyGiveUnstable() throws Exception {
        ValidationReport report = validate(DATA, "expectations:\n  - {type: in_set, column: country, values: [US], severity: warning}\n",
                ValidationOptions.defaults());
        assertThat(report.verdict()).isEqualTo(Verdict.UNSTABLE);
    }

    @Test
    void nanInANumericColumnIsAnErrorWithItsLocation() throws Exception {
        String data = "id,x\n1,0.5\n2,NaN\n";
        ValidationReport report = validate(data, "expectations:\n  - {type: mean, column: x, max: 1}\n",
                ValidationOptions.defaults());
        assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(report.results()).isEmpty();
        assertThat(report.error().message()).endsWith("data.csv:3:2: 'NaN' is not a finite number (expected a decimal number;"
                + " NaN and infinities are not allowed) in column 'x' (expected a number for expectation 'x: mean'"
                + " (" + dir.resolve("e.yaml") + ":2:5); declare a 'type' expectation to count such values instead)");
        ValidationReport overflow = validate("x\n1e999\n", "expectations:\n  - {type: between, column: x, min: 0}\n",
                ValidationOptions.defaults().withParallel(false));
        assertThat(overflow.error().message()).contains("data.csv:2:1: '1e999' is too large");
    }

    @Test
    void textInANumericColumnIsCountedWhenTypedAndAnErrorOtherwise() throws Exception {
        String data = "x\n1\nabc\n3\n";
        ValidationReport typed = validate(data, """
                expectations:
                  - {type: type, column: x, column_type: integer}
                  - {type: mean, column: x, min: 2, max: 2}
                """, ValidationOptions.defaults());
        assertThat(typed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(typed.results().get(0).unexpectedCount()).isEqualTo(1);
        assertThat(typed.results().get(1).status()).isEqualTo(CheckStatus.PASSED);
        ValidationReport untyped = validate(data, "expectations:\n  - {type: mean, column: x, min: 2, max: 2}\n",
                ValidationOptions.defaults());
        assertThat(untyped.error().message()).contains("data.csv:3:1: 'abc' is not a decimal number");
    }

    @Test
    void missingColumnIsAnErrorAtTheExpectation() throws Exception {
        ValidationReport report = validate(DATA, "expectations:\n  - type: not_null\n    column: agee\n",
                ValidationOptions.defaults());
        assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(report.error().location().line()).isEqualTo(2);
        assertThat(report.error().problem()).contains("names column 'agee'").contains("expected one of [id, age,");
    }

    @Test
    void unreadableDataIsAnErrorNeverAVerdict() throws Exception {
        ValidationReport report = validate("a,b\n1,2\n3\n", "expectations:\n  - {type: row_count, min: 1}\n",
                ValidationOptions.defaults());
        assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(report.error().message()).contains("data.csv:3:2: row has 1 fields");
        assertThat(report.summary().total()).isZero();
    }

    @Test
    void parallelAndSequentialRunsAgreeAndTheReportSerializes() throws Exception {
        StringBuilder data = new StringBuilder("id,x,c\n");
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            data.append(random.nextInt(15_000)).append(',').append(random.nextGaussian()).append(',')
                    .append(random.nextInt(10) == 0 ? "" : "c" + random.nextInt(30)).append('\n');
        }
        String expectations = """
                expectations:
                  - {type: unique, column: id}
                  - {type: between, column: x, min: -2, max: 2}
                  - {type: quantile, column: x, quantile: 0.9, min: 1, max: 1.5}
                  - {type: distinct_count, column: c, min: 30}
                  - {type: not_null, column: c, mostly: 0.95}
                """;
        ValidationReport parallel = validate(data.toString(), expectations, ValidationOptions.defaults());
        ValidationReport sequential = validate(data.toString(), expectations, ValidationOptions.defaults().withParallel(false));
        assertThat(parallel).isEqualTo(sequential);
        assertThat(parallel.rows()).isEqualTo(20_000);
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(parallel);
        String json = Json.mapper().writeValueAsString(parallel);
        assertThat(Json.mapper().readTree(json).get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(Json.mapper().readValue(json, ValidationReport.class)).isEqualTo(parallel);
    }
}
