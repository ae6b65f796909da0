package io.jenkins.plugins.cd4ml.steps.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.gates.datacheck.DataCheckReport;
import io.jenkins.plugins.cd4ml.gates.drift.DriftMetric;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.Verdict;
import io.jenkins.plugins.cd4ml.steps.StepArguments;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
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

class ValidateDataStepTest {
    @TempDir
    Path tmp;

    private final ValidateDataStep.DescriptorImpl descriptor = new ValidateDataStep.DescriptorImpl();

    private static ValidateDataStep bind(Map<String, Object> arguments) throws ReflectiveOperationException {
        return StepArguments.bind(ValidateDataStep.class, arguments);
    }

    private static Map<String, Object> args(Object... pairs) {
        Map<String, Object> map = new HashMap<>(Map.of("dataset", "data/today.csv", "expectations",
                "ml/expectations.yaml"));
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private DataCheckReport runOnAgent(ValidateDataStep step) throws Exception {
        Path workspace = DataStepsFixture.workspace(tmp.resolve("ws"));
        ValidateDataCallable callable = serializedCopy(step.callable());
        return serializedCopy(callable.invoke(workspace.toFile(), null));
    }

    @SuppressWarnings("unchecked")
    static <T extends Serializable> T serializedCopy(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void isRegisteredAsValidateDataAndNeedsAWorkspace() {
        assertThat(descriptor.getFunctionName()).isEqualTo("validateData");
        assertThat(ValidateDataStep.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("validateData");
        assertThat(ValidateDataStep.DescriptorImpl.class.isAnnotationPresent(Extension.class)).isTrue();
        assertThat(Set.copyOf(descriptor.getRequiredContext()))
                .isEqualTo(Set.<Class<?>>of(FilePath.class, Run.class, TaskListener.class));
        assertThat(descriptor.getDisplayName()).isNotBlank();
    }

    @Test
    void bindsTheRequiredAndOptionalArguments() throws Exception {
        assertThat(StepArguments.requiredArgumentNames(ValidateDataStep.class))
                .containsExactly("dataset", "expectations");
        ValidateDataStep defaults = bind(args());
        assertThat(defaults.getDataset()).isEqualTo("data/today.csv");
        assertThat(defaults.getExpectations()).isEqualTo("ml/expectations.yaml");
        assertThat(defaults.getBaseline()).isNull();
        assertThat(defaults.getSamples()).isEqualTo(5);
        assertThat(defaults.getJunit()).isNull();
        assertThat(defaults.getHtml()).isNull();

        ValidateDataStep all = bind(args("baseline", "data/train.csv", "samples", 2, "junit", "r/v.xml",
                "html", "r/v.html"));
        assertThat(all.getBaseline()).isEqualTo("data/train.csv");
        assertThat(all.getSamples()).isEqualTo(2);
        assertThat(all.getJunit()).isEqualTo("r/v.xml");
        assertThat(all.getHtml()).isEqualTo("r/v.html");
        assertThat(bind(args("baseline", "", "junit", " ")).getBaseline()).as("snippet generator's empty field")
                .isNull();
    }

    @Test
    void rejectsUnknownArgumentsAndNegativeSamples() {
        assertThatIllegalArgumentException().isThrownBy(() -> bind(args("data", "x.csv")))
                .withMessageContaining("data");
        assertThatThrownBy(() -> bind(args("samples", -1))).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasStackTraceContaining("samples must be 0 or more");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dataset", "expectations", "baseline", "junit", "html"})
    void rejectsPathsLeavingTheWorkspaceBeforeAnythingRuns(String argument) throws Exception {
        for (String path : List.of("../outside.csv", "/etc/passwd", "data/../../x.csv", "C:\\x.csv")) {
            ValidateDataStep step = bind(args(argument, path));
            assertThatThrownBy(step::callable).isInstanceOf(AbortException.class).hasMessageStartingWith(argument + ":");
        }
    }

    @Test
    void theAgentSideRejectsASymbolicLinkOutOfTheWorkspace() throws Exception {
        Path outside = Files.writeString(tmp.resolve("secret.csv"), "id\n1\n");
        Path workspace = DataStepsFixture.workspace(tmp.resolve("ws"));
        Files.createSymbolicLink(workspace.resolve("data/link.csv"), outside);

        ValidateDataCallable callable = bind(args("dataset", "data/link.csv")).callable();

        assertThatThrownBy(() -> callable.invoke(workspace.toFile(), null)).isInstanceOf(AbortException.class)
                .hasMessageContaining("dataset").hasMessageContaining("symbolic link");
    }

    @Test
    void runsTheExpectationsAndDriftOnTheAgentAndWritesTheReportFiles() throws Exception {
        DataCheckReport report = runOnAgent(bind(args("baseline", "data/train.csv", "junit",
                "reports/validation-junit.xml", "html", "reports/validation.html")));

        assertThat(report.validation().verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(report.drift().verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        Path junit = tmp.resolve("ws/reports/validation-junit.xml");
        assertThat(junit).isRegularFile();
        assertThat(Files.readString(junit)).contains("testsuite name=\"cd4ml.validateData\"")
                .contains("tests=\"" + report.outcomes().size() + "\"").contains("age: psi");
        assertThat(Files.readString(tmp.resolve("ws/reports/validation.html"))).contains("<html")
                .contains("age: psi");
        assertThat(tmp.resolve("ws/reports")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void theResultMapHoldsTheReportsFiguresAsJdkValues() throws Exception {
        DataCheckReport report = runOnAgent(bind(args("baseline", "data/train.csv")));

        Map<String, Object> result = DataStepResults.validateData(report);

        assertThat(result).containsEntry("verdict", "FAILED").containsEntry("rows", 400L)
                .containsEntry("driftVerdict", "FAILED").containsEntry("error", null)
                .containsEntry("failed", List.of()).containsEntry("unstable", List.of("young"));
        assertThat(result.get("summary")).isEqualTo(Map.of("total", 3, "passed", 2, "failed", 0, "unstable", 1));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> drift = (Map<String, Map<String, Object>>) result.get("drift");
        assertThat(drift).containsOnlyKeys("age", "city");
        assertThat(drift.get("age")).containsEntry("type", "numeric")
                .containsEntry("psi", report.drift().column("age").value(DriftMetric.PSI));
        assertThat(drift.get("city")).containsEntry("type", "categorical").containsEntry("psi", 0.0);
        assertThat(result.get("driftFailed")).asList().containsExactly("age: " + report.drift().checks().stream()
                .filter(c -> c.column().equals("age") && c.status().toVerdict() == Verdict.FAILED)
                .findFirst().orElseThrow().check().describe());
        assertThat(serializedCopy((Serializable) result)).isEqualTo(result);
        assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(report.toJson())).at("/drift/columns/age/psi")
                .asDouble()).isEqualTo((Double) drift.get("age").get("psi"));
    }

    @Test
    void withoutBaselineThereIsNoDrift() throws Exception {
        DataCheckReport report = runOnAgent(bind(args("dataset", "data/train.csv")));
        Map<String, Object> result = DataStepResults.validateData(report);
        assertThat(result).containsEntry("verdict", "PASSED").containsEntry("drift", null)
                .containsEntry("driftVerdict", null).containsEntry("driftFailed", List.of());
    }

    @Test
    void unreadableInputComesBackAsErrorWithItsLocation() throws Exception {
        Path workspace = DataStepsFixture.workspace(tmp.resolve("ws"));
        Files.writeString(workspace.resolve("data/bad.csv"), "id,age,city\n1,30\n");
        DataCheckReport report = bind(args("dataset", "data/bad.csv")).callable().invoke(workspace.toFile(), null);

        assertThat(report.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(report.validation().error().message()).contains("bad.csv:2:");
        assertThat(DataStepResults.validateData(report)).containsEntry("verdict", "ERROR")
                .containsEntry("error", report.validation().error().message());
    }

    @Test
    void sectionNamesAreValidReportSectionsNamingTheFile() {
        assertThat(DataStepResults.section("validateData", "data/train.csv")).isEqualTo("validateData:data_train.csv");
        assertThat(DataStepResults.section("detectDrift", "a b/ü.csv")).isEqualTo("detectDrift:a_b_.csv");
        var action = new io.jenkins.plugins.cd4ml.steps.support.MlReportsAction();
        action.put(DataStepResults.section("validateData", "x".repeat(300) + "/<script>.csv"),
                "{\"schemaVersion\":\"1\"}");
        assertThat(action.getSections()).hasSize(1);
    }

    @Test
    void problemsListTheNamedFailures() {
        Map<String, Object> result = Map.of("failed", List.of("a", "b"), "unstable", List.of());
        assertThat(DataStepResults.problems(result, "failed", "unstable")).isEqualTo("; failed: a, b");
    }
}
