package io.jenkins.plugins.cd4ml.steps.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gates.quality.BaselineSource;
import io.jenkins.plugins.cd4ml.gates.quality.GateEvaluator;
import io.jenkins.plugins.cd4ml.gates.quality.GateReport;
import io.jenkins.plugins.cd4ml.gates.quality.GatesFileParser;
import io.jenkins.plugins.cd4ml.report.CheckOutcome;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckRunTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} with {1} → {2}")
    @CsvSource({
        "PASSED, PASSED, SUCCESS",
        "PASSED, NO_BASELINE, NEUTRAL",
        "PASSED, INCONCLUSIVE, NEUTRAL",
        "UNSTABLE, UNSTABLE, NEUTRAL",
        "FAILED, FAILED, FAILURE",
        "ERROR, ERROR, FAILURE",
    })
    void mapsTheVerdictAsDocumented(Verdict verdict, CheckStatus status, CheckConclusion expected) {
        ReportDocument document = document(verdict, List.of(outcome("accuracy floor", CheckStatus.PASSED),
                outcome("no regression", status)));

        CheckRun check = CheckRun.of("cd4ml / quality gate", document);

        assertThat(check.conclusion()).isEqualTo(expected);
        assertThat(check.title()).startsWith("Verdict: " + verdict);
        if (expected == CheckConclusion.NEUTRAL) {
            assertThat(check.summary()).contains("_Neutral: ");
        }
    }

    @Test
    void aFirstModelWithoutBaselineIsNeutralNotSuccess() throws Exception {
        Path predictions = Files.writeString(dir.resolve("preds.csv"), predictions());
        Path gates = Files.writeString(dir.resolve("gates.yaml"), """
                task: binary
                columns: {label: label, score: score, prediction: prediction, positive_label: "1"}
                bootstrap: {resamples: 50, seed: 7}
                policies: {no_baseline: pass}
                gates:
                  - {name: accuracy floor, metric: accuracy, threshold: 0.5}
                  - {name: no regression, metric: accuracy, max_regression: 0.02}
                """);
        GateReport report = GateEvaluator.evaluate(GatesFileParser.parse(gates), predictions, BaselineSource.none());
        assertThat(report.verdict()).as("the gates file lets a first model pass").isEqualTo(Verdict.PASSED);

        CheckRun check = CheckRun.of(CheckRun.name("quality gate", "credit-risk"), report.toDocument());

        assertThat(check.name()).isEqualTo("cd4ml / quality gate: credit-risk");
        assertThat(check.conclusion()).isEqualTo(CheckConclusion.NEUTRAL);
        assertThat(check.title()).contains("1 without baseline");
        assertThat(check.summary()).contains("## ").contains("- baseline: none");
        assertThat(check.text()).contains("| Status | Check | Observed | Expected |")
                .contains("accuracy floor").contains("NO_BASELINE");
    }

    @Test
    void furtherTablesFollowTheChecksInTheText() {
        ReportDocument plain = document(Verdict.PASSED, List.of(outcome("accuracy floor", CheckStatus.PASSED)));
        ReportDocument document = new ReportDocument(plain.title(), plain.verdict(), plain.facts(), plain.outcomes(),
                List.of(new ReportDocument.Table("by sex", List.of("group", "rows", "accuracy"),
                        List.of(List.of("female", "40", "0.8000")))));

        String text = CheckRun.of("cd4ml / quality gate", document).text();

        assertThat(text.indexOf("### by sex")).isGreaterThan(text.indexOf("accuracy floor"));
        assertThat(text).contains("| female | 40 | 0.8000 |");
    }

    @Test
    void userTextCannotInjectMarkupOrBreakTheTable() {
        String payload = "<script>alert(1)</script> | \"><img src=x onerror=alert(1)> [x](javascript:alert(1))";
        ReportDocument document = new ReportDocument("Data validation: " + payload, Verdict.FAILED,
                List.of(new ReportDocument.Fact("dataset", payload)),
                List.of(new CheckOutcome("expectations", payload, CheckStatus.FAILED, Severity.FAILURE, payload,
                        payload, payload + "\nsecond line")));

        CheckRun check = CheckRun.of(CheckRun.name("data validation", payload), document);

        for (String markdown : List.of(check.summary(), check.text())) {
            assertThat(markdown).doesNotContain("<script", "<img", "](javascript:").contains("&lt;script&gt;");
        }
        String row = check.text().lines().filter(l -> l.startsWith("| ❌")).findFirst().orElseThrow();
        assertThat(row.split("(?<!\\\\)\\|")).as("five cells: the payload's | is escaped").hasSize(5);
        assertThat(check.name()).doesNotContain("\n").hasSizeLessThanOrEqualTo(CheckRun.MAX_NAME_CHARS);
    }

    @Test
    void aHugeReportIsCutBetweenRowsWithinTheLimit() {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            outcomes.add(outcome("column_" + i + " is between 0 and 1 — ünïcödé", CheckStatus.FAILED));
        }
        ReportDocument document = document(Verdict.FAILED, outcomes);

        CheckRun check = CheckRun.of("cd4ml / data validation", document);

        byte[] text = check.text().getBytes(StandardCharsets.UTF_8);
        assertThat(text.length).isLessThanOrEqualTo(CheckRun.MAX_MARKDOWN_BYTES).isGreaterThan(60_000);
        List<String> lines = check.text().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("_… \\d+ more line\\(s\\) not shown: .*_");
        assertThat(lines.stream().filter(l -> l.startsWith("| ")))
                .allSatisfy(row -> assertThat(row).endsWith(" |"));
        int omitted = Integer.parseInt(lines.get(lines.size() - 1).replaceAll("\\D+(\\d+).*", "$1"));
        long kept = lines.stream().filter(l -> l.startsWith("| ❌")).count();
        assertThat(kept + omitted).as("every row is either shown or counted as left out").isEqualTo(5_000);
    }

    @Property(tries = 200)
    void truncationKeepsWholeLinesWithinTheLimit(@ForAll @Size(max = 60) List<@StringLength(max = 80) String> words,
            @ForAll @IntRange(min = 120, max = 2_000) int limit) {
        String markdown = String.join("\n", words) + "\n";

        String cut = CheckRun.truncate(markdown, limit);

        if (markdown.getBytes(StandardCharsets.UTF_8).length <= limit) {
            assertThat(cut).isEqualTo(markdown);
        } else {
            assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(limit);
            String kept = cut.substring(0, cut.lastIndexOf("\n_… "));
            assertThat(markdown).startsWith(kept);
            assertThat(kept.isEmpty() || kept.endsWith("\n")).isTrue();
        }
    }

    private static ReportDocument document(Verdict verdict, List<CheckOutcome> outcomes) {
        return new ReportDocument("Quality gates", verdict, List.of(new ReportDocument.Fact("model", "credit-risk")),
                outcomes);
    }

    private static CheckOutcome outcome(String name, CheckStatus status) {
        return new CheckOutcome("gates", name, status, Severity.FAILURE, "0.91", ">= 0.8", "");
    }

    private static String predictions() {
        StringBuilder csv = new StringBuilder("id,label,score,prediction\n");
        for (int i = 0; i < 200; i++) {
            double score = (i * 37 % 100) / 100.0;
            int label = score + (i % 7 == 0 ? 0.3 : 0) > 0.5 ? 1 : 0;
            csv.append(i).append(',').append(label).append(',').append(score).append(',')
                    .append(score >= 0.5 ? 1 : 0).append('\n');
        }
        return csv.toString();
    }
}
