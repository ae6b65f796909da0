package io.jenkins.plugins.cd4ml.steps.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Result;
import io.jenkins.plugins.cd4ml.gates.datacheck.DataCheckReport;
import io.jenkins.plugins.cd4ml.gates.datacheck.DataCheckRun;
import io.jenkins.plugins.cd4ml.gates.datacheck.DriftRun;
import io.jenkins.plugins.cd4ml.gates.expectations.ValidationOptions;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.Verdict;
import io.jenkins.plugins.cd4ml.steps.checks.CheckConclusion;
import io.jenkins.plugins.cd4ml.steps.checks.CheckRun;
import io.jenkins.plugins.cd4ml.steps.support.BuildResults;
import io.jenkins.plugins.cd4ml.steps.support.MlReportsAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the steps do on the controller with the agent's report: record, log, map the verdict, return. */
class ConcludeTest {
    @TempDir
    Path tmp;
    private Path ws;

    private final MlReportsAction reports = new MlReportsAction();
    private final List<String> log = new ArrayList<>();
    private final List<CheckRun> checks = new ArrayList<>();
    private final List<Result> results = new ArrayList<>();
    private final List<WarningAction> warnings = new ArrayList<>();
    private final BuildResults build = new BuildResults(results::add, warnings::add);
    private final StepOutput output = new StepOutput() {
        @Override
        public void record(String section, String json) {
            reports.put(section, json);
        }

        @Override
        public void check(CheckRun check) {
            checks.add(check);
        }

        @Override
        public void log(String line) {
            log.add(line);
        }

        @Override
        public void verdict(Verdict verdict, String summary) throws AbortException {
            build.apply(verdict, summary);
        }
    };

    @BeforeEach
    void workspace() throws Exception {
        ws = DataStepsFixture.workspace(tmp);
    }

    private DataCheckReport check(String dataset, String baseline) {
        return DataCheckRun.run(ws.resolve(dataset), ws.resolve("ml/expectations.yaml"),
                baseline == null ? null : ws.resolve(baseline), ValidationOptions.defaults());
    }

    @Test
    void passedRecordsTheReportLogsASummaryAndReturnsTheMap() throws Exception {
        DataCheckReport report = check("data/train.csv", "data/train.csv");

        Map<String, Object> result = ValidateDataStep.conclude(report, "data/train.csv", output);

        assertThat(result).isEqualTo(DataStepResults.validateData(report)).containsEntry("verdict", "PASSED");
        String json = reports.getSection("validateData:data_train.csv").orElseThrow();
        assertThat(json).isEqualTo(Json.mapper().writeValueAsString(report.toJson()));
        assertThat(log).singleElement().asString().startsWith("validateData data/train.csv: Verdict: PASSED");
        assertThat(results).isEmpty();
        assertThat(warnings).isEmpty();
        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("cd4ml / data validation: data/train.csv");
            assertThat(check.conclusion()).isEqualTo(CheckConclusion.SUCCESS);
            assertThat(check.text()).contains("| Status | Check |");
        });
    }

    @Test
    void warningsMakeTheBuildUnstableAndMarkTheStage() throws Exception {
        Files.writeString(ws.resolve("data/older.csv"), DataStepsFixture.ages(400, 25));
        DataCheckReport report = check("data/today.csv", "data/older.csv");
        assertThat(report.verdict()).isEqualTo(Verdict.UNSTABLE);

        Map<String, Object> result = ValidateDataStep.conclude(report, "data/today.csv", output);

        assertThat(result).containsEntry("verdict", "UNSTABLE");
        assertThat(results).containsExactly(Result.UNSTABLE);
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.getResult()).isEqualTo(Result.UNSTABLE);
            assertThat(w.getMessage()).contains("validateData data/today.csv").contains("unstable: young");
        });
        assertThat(checks).singleElement().extracting(CheckRun::conclusion).isEqualTo(CheckConclusion.NEUTRAL);
    }

    @Test
    void failureLevelDriftFailsTheStepNamingTheChecksButTheReportIsKept() {
        DataCheckReport report = check("data/today.csv", "data/train.csv");

        assertThatThrownBy(() -> ValidateDataStep.conclude(report, "data/today.csv", output))
                .isInstanceOf(AbortException.class).hasMessageContaining("Verdict: FAILED")
                .hasMessageContaining("driftFailed: age: psi");
        assertThat(reports.getSection("validateData:data_today.csv")).isPresent();
        assertThat(checks).as("published before the step fails").singleElement()
                .extracting(CheckRun::conclusion).isEqualTo(CheckConclusion.FAILURE);
        assertThat(log).hasSize(1);
    }

    @Test
    void anUnreadableDatasetFailsAsCouldNotEvaluateWithItsLocation() throws Exception {
        Files.writeString(ws.resolve("data/bad.csv"), "id,age,city\n1,30\n");
        DataCheckReport report = check("data/bad.csv", null);

        assertThatThrownBy(() -> ValidateDataStep.conclude(report, "data/bad.csv", output))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("could not evaluate: ")
                .hasMessageContaining("bad.csv:2:");
        assertThat(Json.mapper().readTree(reports.getSection("validateData:data_bad.csv").orElseThrow())
                .get("verdict").asText()).isEqualTo("ERROR");
        assertThat(log).singleElement().asString().doesNotContain("PASSED").doesNotContain("FAILED");
        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.conclusion()).as("never a pass").isEqualTo(CheckConclusion.FAILURE);
            assertThat(check.title()).contains("ERROR");
            assertThat(check.text()).contains("bad.csv:2:");
        });
    }

    @Test
    void detectDriftMapsItsVerdictTheSameWay() throws Exception {
        DriftRun same = DriftRun.compare(ws.resolve("data/train.csv"), ws.resolve("data/train.csv"), null);
        assertThat(DetectDriftStep.conclude(same, "data/train.csv", output)).containsEntry("verdict", "PASSED");
        assertThat(reports.getSection("detectDrift:data_train.csv")).isPresent();

        DriftRun shifted = DriftRun.compare(ws.resolve("data/train.csv"), ws.resolve("data/today.csv"), null);
        assertThatThrownBy(() -> DetectDriftStep.conclude(shifted, "data/today.csv", output))
                .isInstanceOf(AbortException.class).hasMessageContaining("failed: age: psi");

        DriftRun missing = DriftRun.compare(ws.resolve("data/train.csv"), ws.resolve("data/gone.csv"), null);
        assertThatThrownBy(() -> DetectDriftStep.conclude(missing, "data/gone.csv", output))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("could not evaluate: ")
                .hasMessageContaining("gone.csv");
        assertThat(results).isEmpty();
        assertThat(checks).extracting(CheckRun::name).containsOnly("cd4ml / drift: data/train.csv",
                "cd4ml / drift: data/today.csv", "cd4ml / drift: data/gone.csv");
        assertThat(checks).extracting(CheckRun::conclusion).containsExactly(CheckConclusion.SUCCESS,
                CheckConclusion.FAILURE, CheckConclusion.FAILURE);
    }
}
