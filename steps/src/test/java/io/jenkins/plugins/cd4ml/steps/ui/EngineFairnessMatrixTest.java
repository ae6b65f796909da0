package io.jenkins.plugins.cd4ml.steps.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.cd4ml.gates.quality.BaselineSource;
import io.jenkins.plugins.cd4ml.gates.quality.GateEvaluator;
import io.jenkins.plugins.cd4ml.gates.quality.GateReport;
import io.jenkins.plugins.cd4ml.gates.quality.GatesFileParser;
import io.jenkins.plugins.cd4ml.gates.quality.GroupMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@link GateEvaluator} report, as {@code qualityGate} records it, read by
 * {@link MlReport}/{@link ReportSection} into the fairness matrix of the build page and the
 * fairness-gap trend.
 */
class EngineFairnessMatrixTest {
    @TempDir
    Path dir;

    @Test
    void theMatrixShowsTheEnginesGroupsWithCandidateAndBaselineColumns() throws Exception {
        GateReport gate = evaluate("""
                task: binary
                columns: {label: label, score: score, baseline_score: baseline_score}
                bootstrap: {resamples: 0}
                gates:
                  - {metric: demographic_parity_difference, sensitive: [sex], threshold: 0.5}
                  - {metric: accuracy, slice: {region: north}, max_regression: 0.2}
                """, BaselineSource.sameFile("7"));
        ReportSection section = MlReport.of(Map.of("qualityGate:release", gate.toJson().toString()))
                .getSections().get(0);

        assertThat(section.getFairness()).extracting(FairnessMatrix::getAttribute).containsExactly("sex", "region");
        for (int a = 0; a < gate.fairness().size(); a++) {
            GroupMetrics engine = gate.fairness().get(a);
            FairnessMatrix matrix = section.getFairness().get(a);
            List<String> columns = new ArrayList<>(List.of(FairnessMatrix.ROWS));
            engine.metrics().forEach(m -> columns.addAll(List.of(m, m + FairnessMatrix.BASELINE)));
            assertThat(matrix.getMetrics()).containsExactlyElementsOf(columns);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(matrix.getRows()).extracting(FairnessMatrix.Row::getGroup)
                    .containsExactlyElementsOf(engine.groups().stream().map(GroupMetrics.Group::name).toList());
            for (int g = 0; g < engine.groups().size(); g++) {
                GroupMetrics.Group group = engine.groups().get(g);
                List<String> expected = new ArrayList<>(List.of(Long.toString(group.rows())));
                for (int m = 0; m < engine.metrics().size(); m++) {
                    expected.add(cell(group.candidate().get(m)));
                    expected.add(cell(group.baseline().get(m)));
                }
                soft.assertThat(matrix.getRows().get(g).getCells()).as(group.name()).containsExactlyElementsOf(expected);
            }
            // gaps: largest minus smallest group value of each metric column, none for the group sizes
            soft.assertThat(matrix.gaps()).doesNotContainKey(FairnessMatrix.ROWS);
            for (int m = 0; m < engine.metrics().size(); m++) {
                int metric = m;
                DoubleSummaryStatistics candidate = engine.groups().stream().mapToDouble(gr -> gr.candidate().get(metric))
                        .filter(Double::isFinite).summaryStatistics();
                soft.assertThat(matrix.gaps().get(engine.metrics().get(m)))
                        .isCloseTo(candidate.getMax() - candidate.getMin(), within(1e-12));
            }
            soft.assertAll();
        }
        // the demographic parity gate judges the gap the matrix shows
        double parity = gate.results().get(0).candidate();
        assertThat(section.getFairness().get(0).gaps().get("selection_rate")).isCloseTo(parity, within(1e-12));

        MlReport report = MlReport.of(Map.of("qualityGate:release", gate.toJson().toString()));
        MlTrends trends = MlTrends.of(List.of(new MlTrends.BuildReport(1, report), new MlTrends.BuildReport(2, report)));
        assertThat(trends.getCharts()).extracting(TrendChart::getTitle)
                .contains("Fairness gaps by sex (qualityGate:release)");
    }

    @Test
    void withoutABaselineOnlyTheCandidatesColumnsAndUndefinedRatesStayEmpty() throws Exception {
        GateReport gate = evaluate("""
                task: binary
                columns: {label: label, score: score}
                sensitive: [region]
                bootstrap: {resamples: 0}
                gates:
                  - {metric: accuracy, threshold: 0.5}
                """, BaselineSource.none());
        FairnessMatrix matrix = MlReport.of(Map.of("qualityGate:m", gate.toJson().toString())).getSections().get(0)
                .getFairness().get(0);

        assertThat(matrix.getMetrics()).containsExactly(FairnessMatrix.ROWS, "selection_rate", "true_positive_rate",
                "false_positive_rate", "accuracy");
        // 'island' has no positive label: its TPR is undefined, shown empty, and left out of the gap
        FairnessMatrix.Row island = matrix.getRows().stream().filter(r -> r.getGroup().equals("island")).findFirst()
                .orElseThrow();
        assertThat(island.getCells().get(2)).isEmpty();
        assertThat(island.getCells().get(0)).isEqualTo("5");
        assertThat(matrix.getGapCells().get(0)).isEmpty();
    }

    private static String cell(double value) {
        return Double.isFinite(value) ? JsonText.format(value) : "";
    }

    private GateReport evaluate(String gates, BaselineSource baseline) throws Exception {
        Random random = new Random(5);
        StringBuilder csv = new StringBuilder("id,label,score,baseline_score,sex,region\n");
        for (int i = 0; i < 1000; i++) {
            boolean island = i % 200 == 0;
            int label = !island && random.nextDouble() < 0.4 ? 1 : 0;
            double signal = label == 1 ? 1.0 : -1.0;
            csv.append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%s,%s%n", i, label,
                    1 / (1 + Math.exp(-signal - random.nextGaussian())),
                    1 / (1 + Math.exp(-0.7 * signal - random.nextGaussian())),
                    random.nextDouble() < 0.6 ? "F" : "M", island ? "island" : i % 2 == 0 ? "north" : "south"));
        }
        Path predictions = Files.writeString(dir.resolve("preds.csv"), csv);
        Path file = Files.writeString(dir.resolve("gates.yaml"), gates);
        return GateEvaluator.evaluate(GatesFileParser.parse(file), predictions, baseline);
    }
}
