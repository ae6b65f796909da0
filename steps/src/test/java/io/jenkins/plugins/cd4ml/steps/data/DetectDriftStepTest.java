package io.jenkins.plugins.cd4ml.steps.data;

import static io.jenkins.plugins.cd4ml.steps.data.ValidateDataStepTest.serializedCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.gates.datacheck.DriftRun;
import io.jenkins.plugins.cd4ml.gates.drift.DriftMetric;
import io.jenkins.plugins.cd4ml.report.Verdict;
import io.jenkins.plugins.cd4ml.steps.StepArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetectDriftStepTest {
    @TempDir
    Path tmp;

    private static DetectDriftStep bind(Object... pairs) throws ReflectiveOperationException {
        Map<String, Object> map = new HashMap<>(Map.of("baseline", "data/train.csv", "current", "data/today.csv"));
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return StepArguments.bind(DetectDriftStep.class, map);
    }

    private DriftRun runOnAgent(DetectDriftStep step) throws Exception {
        Path workspace = DataStepsFixture.workspace(tmp.resolve("ws"));
        return serializedCopy(serializedCopy(step.callable()).invoke(workspace.toFile(), null));
    }

    @Test
    void isRegisteredAsDetectDriftAndNeedsAWorkspace() {
        DetectDriftStep.DescriptorImpl descriptor = new DetectDriftStep.DescriptorImpl();
        assertThat(descriptor.getFunctionName()).isEqualTo("detectDrift");
        assertThat(DetectDriftStep.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("detectDrift");
        assertThat(DetectDriftStep.DescriptorImpl.class.isAnnotationPresent(Extension.class)).isTrue();
        assertThat(Set.copyOf(descriptor.getRequiredContext()))
                .isEqualTo(Set.<Class<?>>of(FilePath.class, Run.class, TaskListener.class));
    }

    @Test
    void bindsTheRequiredAndOptionalArguments() throws Exception {
        assertThat(StepArguments.requiredArgumentNames(DetectDriftStep.class)).containsExactly("baseline", "current");
        DetectDriftStep step = bind("config", "ml/expectations.yaml", "junit", "r/d.xml", "html", "r/d.html");
        assertThat(step.getBaseline()).isEqualTo("data/train.csv");
        assertThat(step.getCurrent()).isEqualTo("data/today.csv");
        assertThat(step.getConfig()).isEqualTo("ml/expectations.yaml");
        assertThat(step.getJunit()).isEqualTo("r/d.xml");
        assertThat(step.getHtml()).isEqualTo("r/d.html");
        assertThat(bind().getConfig()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "current", "config", "junit", "html"})
    void rejectsPathsLeavingTheWorkspace(String argument) throws Exception {
        for (String path : List.of("../x.csv", "/tmp/x.csv", "a/../../x.csv")) {
            assertThatThrownBy(() -> bind(argument, path).callable()).isInstanceOf(AbortException.class)
                    .hasMessageStartingWith(argument + ":");
        }
    }

    @Test
    void defaultChecksFailTheShiftedColumnAndTheMapCarriesEveryMetric() throws Exception {
        DriftRun run = runOnAgent(bind("junit", "reports/drift.xml"));

        assertThat(run.verdict()).isEqualTo(Verdict.FAILED);
        Map<String, Object> result = DataStepResults.detectDrift(run);
        assertThat(result).containsEntry("verdict", "FAILED").containsEntry("baselineRows", 400L)
                .containsEntry("currentRows", 400L).containsEntry("missingColumns", List.of())
                .containsEntry("error", null);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> columns = (Map<String, Map<String, Object>>) result.get("columns");
        assertThat(columns).containsKeys("age", "city");
        for (DriftMetric metric : List.of(DriftMetric.PSI, DriftMetric.KS_STATISTIC, DriftMetric.JENSEN_SHANNON)) {
            assertThat(columns.get("age")).containsEntry(metric.key(), run.report().column("age").value(metric));
        }
        assertThat(result.get("failed")).asList().anySatisfy(name -> assertThat((String) name).startsWith("age: "));
        assertThat(Files.readString(tmp.resolve("ws/reports/drift.xml"))).contains("cd4ml.detectDrift");
    }

    @Test
    void theDriftSectionOfAnExpectationsFileConfiguresTheChecks() throws Exception {
        Path workspace = DataStepsFixture.workspace(tmp.resolve("ws"));
        Files.writeString(workspace.resolve("ml/drift.yaml"),
                "drift:\n  defaults:\n    - {metric: psi, threshold: 0.2, severity: warning}\n");
        DriftRun run = bind("config", "ml/drift.yaml").callable().invoke(workspace.toFile(), null);
        assertThat(run.verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(DataStepResults.detectDrift(run).get("unstable")).asList().isNotEmpty();
    }

    @Test
    void aMissingCurrentFileIsAnErrorNotAVerdict() throws Exception {
        DriftRun run = runOnAgent(bind("current", "data/none.csv"));
        assertThat(run.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(DataStepResults.detectDrift(run)).containsEntry("verdict", "ERROR")
                .containsEntry("columns", Map.of()).hasEntrySatisfying("error",
                        message -> assertThat((String) message).contains("none.csv"));
    }
}
