package io.jenkins.plugins.cd4ml.steps.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gates.quality.BaselineSource;
import io.jenkins.plugins.cd4ml.gates.quality.GateEvaluator;
import io.jenkins.plugins.cd4ml.gates.quality.GateReport;
import io.jenkins.plugins.cd4ml.gates.quality.GatesFileParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view models read what the engine really writes, not only hand-made fixtures. */
class EngineReportsTest {
    @TempDir
    Path dir;

    @Test
    void showsTheIntervalsOfARealGateReport() throws Exception {
        StringBuilder csv = new StringBuilder("id,label,score,prediction\n");
        for (int i = 0; i < 200; i++) {
            double score = (i * 37 % 100) / 100.0;
            int label = score + (i % 7 == 0 ? 0.3 : 0) > 0.5 ? 1 : 0;
            csv.append(i).append(',').append(label).append(',').append(score).append(',')
                    .append(score >= 0.5 ? 1 : 0).append('\n');
        }
        Path predictions = Files.writeString(dir.resolve("preds.csv"), csv);
        Path gates = Files.writeString(dir.resolve("gates.yaml"), """
                task: binary
                columns: {label: label, score: score, prediction: prediction, positive_label: "1"}
                bootstrap: {resamples: 200, seed: 7}
                gates:
                  - {name: accuracy floor, metric: accuracy, threshold: 0.5, max_regression: 0.05}
                """);
        GateReport report = GateEvaluator.evaluate(GatesFileParser.parse(gates), predictions,
                BaselineSource.file(predictions, "v1"));

        ReportSection section = MlReport.of(Map.of("qualityGate:credit-risk", report.toJson().toString()))
                .getSections().get(0);

        assertThat(section.getGates()).singleElement().satisfies(gate -> {
            assertThat(gate.getBaseline()).isNotEqualTo("no baseline");
            assertThat(gate.getDelta()).isNotEmpty();
            assertThat(gate.getInterval()).as("the paired bootstrap interval of the delta").startsWith("[");
        });
    }
}
