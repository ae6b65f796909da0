package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import hudson.AbortException;
import io.jenkins.plugins.cd4ml.gpu.train.OutputDigests;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.steps.support.MlReportsAction;
import io.jenkins.plugins.cd4ml.steps.ui.MlReport;
import io.jenkins.plugins.cd4ml.steps.ui.ReportSection;
import io.jenkins.plugins.cd4ml.steps.ui.Status;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code trainModel}'s agent side, running real commands ({@code sh}) in a temporary workspace. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs real POSIX commands through sh -c")
class TrainModelCallableTest {
    private static final String TRAIN = "mkdir -p out/model && echo weights > out/model/w.bin"
            + " && echo '{\"accuracy\": 0.91, \"loss\": {\"val\": 0.3}}' > out/metrics.json"
            + " && echo \"epoch 1 on [$CUDA_VISIBLE_DEVICES]\"";

    @TempDir
    File workspace;

    @TempDir
    Path locks;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private TrainModelStep.Plan plan(String script, int gpus) throws AbortException {
        TrainModelStep step = new TrainModelStep("sh -c '" + script.replace("'", "'\\''") + "'");
        step.setGpus(gpus);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("model", "out/model");
        outputs.put("metrics", "out/metrics.json");
        step.setOutputs(outputs);
        return step.plan();
    }

    private TrainingOutcome run(TrainModelStep.Plan plan) throws Exception {
        return new TrainModelCallable(plan.command(), plan.outputs(), plan.timeout(), plan.gpus(), "nightly #7",
                new LogSink(new BufferListener(), "")).run(RecordedGpus.agent(locks), workspace, log::add);
    }

    @Test
    void withoutGpusRunsTheCommandStreamsItsLogAndDigestsTheOutputs() throws Exception {
        TrainModelStep.Plan plan = plan(TRAIN, 0);

        TrainingOutcome outcome = run(plan);

        assertThat(outcome.result().succeeded()).isTrue();
        assertThat(outcome.gpu()).isNull();
        assertThat(log).contains("epoch 1 on []");
        Map<String, Object> value = TrainingReports.toReturnValue(outcome, plan.outputs());
        assertThat(value).containsEntry("exitCode", 0).containsEntry("gpu", null)
                .containsEntry("metrics", Map.of("accuracy", 0.91, "loss.val", 0.3));
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) ((Map<String, Object>) value.get("outputs")).get("model");
        assertThat(model).containsEntry("path", "out/model")
                .containsEntry("digest", OutputDigests.of(workspace.toPath().resolve("out/model")).digest())
                .containsEntry("files", 1);
        assertThat(TrainingReports.failure(outcome.result())).isEmpty();
    }

    @Test
    void onGpusTheCommandSeesItsDevicesAndTheReportCarriesTheGpuReport() throws Exception {
        TrainModelStep.Plan plan = plan(TRAIN, 1);

        TrainingOutcome outcome = run(plan);

        assertThat(log).contains("epoch 1 on [" + RecordedGpus.T4_UUID + "]");
        assertThat(outcome.gpu()).isNotNull();
        assertThat(outcome.gpu().devices()).extracting(d -> d.uuid()).containsExactly(RecordedGpus.T4_UUID);
        String json = TrainingReports.toJson(outcome, plan.outputs(), plan.command());
        JsonNode tree = Json.mapper().readTree(json);
        assertThat(tree.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(tree.get("succeeded").asBoolean()).isTrue();
        assertThat(tree.get("outputs").get(0).get("name").asText()).isEqualTo("model");
        assertThat(tree.get("outputs").get(1).get("metrics").get("accuracy").asDouble()).isEqualTo(0.91);
        assertThat(tree.get("gpu").get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        new MlReportsAction().put(plan.section(), json);
        ReportSection section = MlReport.of(Map.of(plan.section(), json)).getSections().get(0);
        assertThat(section.getTitle()).isEqualTo("Training");
        assertThat(section.getVerdict()).as("the recorded GPU sat idle: the step marks the stage UNSTABLE")
                .isEqualTo(GpuReports.isIdle(outcome.gpu()) ? Status.UNSTABLE : Status.PASSED);
        GpuReportViewAssertions.showsEveryDevice(section, outcome.gpu());
        assertThat(section.getFacts()).extracting(f -> f.getLabel() + "=" + f.getValue())
                .contains("command=" + String.join(" ", plan.command()), "exitCode=0")
                .anyMatch(f -> f.startsWith("output model=out/model (") && f.contains("sha256"));
        assertThat(TrainingReports.toReturnValue(outcome, plan.outputs()).get("gpu")).isInstanceOf(Map.class);
        // released afterwards: the GPU can be allocated again at once
        RecordedGpus.agent(locks).open(new GpuAsk(1, 0, 0), "next", line -> { }).close();
    }

    @Test
    void aFailingCommandOrAMissingOutputFailsTheStep() throws Exception {
        TrainingOutcome failed = run(plan("echo boom; exit 3", 0));

        assertThat(failed.result().exitCode()).isEqualTo(3);
        assertThat(log).contains("boom");
        assertThat(TrainingReports.failure(failed.result())).contains("exit code 3").contains("out/model was not written");
        TrainModelStep.Plan plan = plan("echo boom; exit 3", 0);
        ReportSection section = MlReport.of(Map.of("training:boom", TrainingReports.toJson(failed, plan.outputs(),
                plan.command()))).getSections().get(0);
        assertThat(section.getTitle()).isEqualTo("Training: boom");
        assertThat(section.getVerdict()).isEqualTo(Status.FAILED);
        assertThat(section.getGpus()).isEmpty();
        assertThat(section.getFacts()).extracting(f -> f.getLabel() + "=" + f.getValue())
                .contains("exitCode=3", "output model=out/model (not written)");
    }

    @Test
    void aTimeoutFailsTheStep() throws Exception {
        TrainModelStep.Plan plan = plan("sleep 30", 0);
        TrainModelStep.Plan quick = new TrainModelStep.Plan(plan.command(), new TrainingOutputs(List.of(), List.of()),
                Duration.ofMillis(300), null, "training");

        TrainingOutcome outcome = run(quick);

        assertThat(outcome.result().timedOut()).isTrue();
        assertThat(TrainingReports.failure(outcome.result())).contains("timed out");
    }

    @Test
    void anOutputBehindASymbolicLinkOutOfTheWorkspaceIsRejected(@TempDir Path outside) throws Exception {
        Files.createSymbolicLink(workspace.toPath().resolve("out"), outside);

        assertThatThrownBy(() -> run(plan(TRAIN, 0))).isInstanceOf(AbortException.class)
                .hasMessageContaining("outside the workspace");
        assertThat(log).as("nothing ran").isEmpty();
    }

    @Test
    void theCallableTravelsToTheAgent() throws Exception {
        TrainModelStep.Plan plan = plan(TRAIN, 1);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(new TrainModelCallable(plan.command(), plan.outputs(), plan.timeout(), plan.gpus(), "job #1",
                    new LogSink(new BufferListener(), "")));
            out.writeObject(plan);
        }
    }
}
