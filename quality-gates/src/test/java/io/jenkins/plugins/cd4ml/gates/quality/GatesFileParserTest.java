package io.jenkins.plugins.cd4ml.gates.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.gates.metrics.Task;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatesFileParserTest {
    private static final String VALID = """
            task: binary
            columns:
              label: label
              score: score
              baseline_score: baseline_score
            sensitive: [sex]
            policies:
              no_baseline: fail
              inconclusive: pass
              decide_on: point
            bootstrap: {resamples: 200, confidence: 0.9, seed: 7}
            gates:
              - metric: accuracy
                threshold: 0.75
              - metric: log_loss
                threshold: 0.6
                max_regression: 0.01
                severity: warning
              - metric: demographic_parity_ratio
                threshold: 0.8
                min_support: 30
              - metric: recall
                slice: {sex: F, region: north}
                min_delta: 0
              - preset: four_fifths
                sensitive: [sex, region]
                name: four-fifths rule
            """;

    @Test
    void readsEveryField() throws Exception {
        GatesFile file = GatesFileParser.parse("gates.yaml", VALID);

        assertThat(file.columns().task()).isEqualTo(Task.BINARY);
        assertThat(file.columns().baselineScore()).isEqualTo("baseline_score");
        assertThat(file.policies()).isEqualTo(new GatePolicies(PolicyAction.FAIL, PolicyAction.PASS, DecisionRule.POINT));
        assertThat(file.bootstrap()).isEqualTo(new BootstrapSettings(200, 0.9, 7));
        List<GateDefinition> gates = file.gates();
        assertThat(gates).hasSize(5);
        assertThat(gates.get(0).direction()).isEqualTo(Direction.AT_LEAST);
        assertThat(gates.get(0).location()).isEqualTo(new SourceLocation("gates.yaml", 13, 5));
        assertThat(gates.get(1).direction()).as("lower is better for log loss").isEqualTo(Direction.AT_MOST);
        assertThat(gates.get(1).severity()).isEqualTo(Severity.WARNING);
        assertThat(gates.get(1).improvementBound()).isEqualTo(-0.01);
        assertThat(gates.get(2).sensitive()).as("file-wide default").containsExactly("sex");
        assertThat(gates.get(2).minSupport()).isEqualTo(30);
        assertThat(gates.get(3).slice()).isEqualTo(Map.of("sex", "F", "region", "north"));
        assertThat(gates.get(3).sensitive()).isEmpty();
        assertThat(gates.get(4).metric()).isEqualTo("disparate_impact");
        assertThat(gates.get(4).threshold()).isEqualTo(0.8);
        assertThat(gates.get(4).name()).isEqualTo("four-fifths rule");
    }

    @Test
    void theCreditRiskExampleIsValid() throws Exception {
        GatesFile file = GatesFileParser.parse(java.nio.file.Path.of("../examples/credit-risk/ml/gates.yaml"));
        assertThat(file.gates()).extracting(GateDefinition::metric).contains("accuracy", "roc_auc",
                "demographic_parity_ratio");
        assertThat(file.gates()).filteredOn(g -> g.metric().equals("demographic_parity_ratio"))
                .singleElement().satisfies(g -> {
                    assertThat(g.threshold()).isEqualTo(0.8);
                    assertThat(g.sensitive()).containsExactly("sex");
                });
    }

    @Test
    void aSliceKeepsItsColumnsInTheOrderWritten() throws Exception {
        String gates = "task: binary\ncolumns: {label: label, score: score}\ngates:\n"
                + "  - {metric: recall, threshold: 0.1, slice: {sex: F, region: north, age: old, zone: z1}}\n"
                + "  - {metric: recall, threshold: 0.1, slice: {zone: z1, age: old, region: north, sex: F}}\n";
        GatesFile file = GatesFileParser.parse("gates.yaml", gates);

        assertThat(file.gates().get(0).slice().keySet()).containsExactly("sex", "region", "age", "zone");
        assertThat(file.gates().get(1).slice().keySet()).containsExactly("zone", "age", "region", "sex");
        assertThat(file.gates().get(0).slice()).isEqualTo(file.gates().get(1).slice());
    }

    @Test
    void readsJson() throws Exception {
        GatesFile file = GatesFileParser.parse("gates.json", """
                {"task": "regression", "columns": {"label": "y", "prediction": "yhat"},
                 "gates": [{"metric": "rmse", "threshold": 3}]}
                """);
        assertThat(file.gates().get(0).direction()).isEqualTo(Direction.AT_MOST);
        assertThat(file.bootstrap()).isEqualTo(BootstrapSettings.DEFAULT);
    }

    @Test
    void anUnknownKeyIsReportedWhereItIs() {
        assertError(VALID.replace("    max_regression: 0.01", "    max_regresion: 0.01"),
                "gates.yaml:17:5", "unknown key 'max_regresion'", "max_regression");
    }

    @Test
    void anUnknownMetricListsTheKnownOnes() {
        assertError(VALID.replace("metric: accuracy", "metric: acuracy"), "gates.yaml:13:13",
                "unknown metric 'acuracy' for task binary_classification", "roc_auc");
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        assertError(VALID.replace("threshold: 0.75", "threshold: high"), "gates.yaml:14:16",
                "expected a number but found the text 'high'");
    }

    @Test
    void aFairnessMetricNeedsSensitiveColumns() {
        assertError(VALID.replace("sensitive: [sex]\n", ""), "gates.yaml:18:5",
                "compares groups (expected 'sensitive'");
    }

    @Test
    void aGateMustCheckSomething() {
        assertError(VALID.replace("    threshold: 0.75\n", ""), "gates.yaml:13:5", "gate checks nothing");
    }

    @Test
    void malformedYamlIsReportedWithItsLocation() {
        assertError("task: binary\ngates: [\n", "gates.yaml:2:9", "malformed YAML");
    }

    @Test
    void missingTaskAndEmptyFile() {
        assertError("columns: {label: y}\ngates: []\n", "gates.yaml:1:1", "missing 'task'");
        assertError("", "gates.yaml", "empty");
    }

    @Test
    void badPolicyValue() {
        assertError(VALID.replace("no_baseline: fail", "no_baseline: maybe"), "gates.yaml:8:16",
                "expected pass, warn or fail");
    }

    private static void assertError(String content, String location, String... messages) {
        assertThatThrownBy(() -> GatesFileParser.parse("gates.yaml", content))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    InvalidInputException error = (InvalidInputException) e;
                    assertThat(error.getLocation().toString()).isEqualTo(location);
                    assertThat(error.getMessage()).contains(messages);
                });
    }
}
