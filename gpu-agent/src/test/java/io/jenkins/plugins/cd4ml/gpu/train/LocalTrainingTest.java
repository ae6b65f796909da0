package io.jenkins.plugins.cd4ml.gpu.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTrainingTest {
    @TempDir
    Path work;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    private TrainingSpec spec(String script, Duration timeout, DeclaredOutput... outputs) {
        return new TrainingSpec(List.of("sh", "-c", script), work.toString(), Map.of("EPOCHS", "2"),
                List.of(outputs), timeout);
    }

    @Test
    void runsWithGpusStreamsTheLogAndDigestsOutputs() throws Exception {
        String script = "echo \"epoch 1 on $CUDA_VISIBLE_DEVICES\"; echo warn >&2; mkdir -p model/sub; "
                + "printf weights > model/sub/w.bin; printf cfg > model/config.json; "
                + "printf '{\"accuracy\": 0.93, \"loss\": {\"val\": 0.21}, \"name\": \"x\"}' > metrics.json; "
                + "echo \"epochs=$EPOCHS\"";
        TrainingResult result = new LocalTraining().run(spec(script, Duration.ofMinutes(1),
                new DeclaredOutput(DeclaredOutput.Kind.MODEL, "model"),
                new DeclaredOutput(DeclaredOutput.Kind.METRICS, "metrics.json")),
                Map.of("CUDA_VISIBLE_DEVICES", "GPU-abc"), log::add);
        assertThat(result.succeeded()).isTrue();
        assertThat(log).containsExactly("epoch 1 on GPU-abc", "warn", "epochs=2");
        CollectedOutput model = result.outputs().get(0);
        assertThat(model.files()).isEqualTo(2);
        assertThat(model.bytes()).isEqualTo("weights".length() + "cfg".length());
        String manifest = "config.json " + ContentDigest.sha256("cfg".getBytes()) + "\n"
                + "sub/w.bin " + ContentDigest.sha256("weights".getBytes()) + "\n";
        assertThat(model.digest()).isEqualTo(ContentDigest.sha256(manifest.getBytes()));
        CollectedOutput metrics = result.outputs().get(1);
        assertThat(metrics.metrics()).containsExactly(Map.entry("accuracy", 0.93), Map.entry("loss.val", 0.21));
        assertThat(metrics.digest()).isEqualTo(ContentDigest.sha256(work.resolve("metrics.json")));
    }

    @Test
    void missingOutputAndFailingCommandAreReported() throws Exception {
        TrainingResult result = new LocalTraining().run(spec("exit 7", Duration.ZERO,
                new DeclaredOutput(DeclaredOutput.Kind.MODEL, "model")), Map.of(), log::add);
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.problems()).containsExactly("model output model was not written");
    }

    @Test
    void timeoutKillsTheCommand() throws Exception {
        TrainingResult result = new LocalTraining().run(spec("echo start; sleep 30", Duration.ofMillis(500)),
                Map.of(), log::add);
        assertThat(result.timedOut()).isTrue();
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(20));
        assertThat(log).contains("start");
    }

    @Test
    void outputsMustStayInsideTheWorkingDirectory() {
        assertThatThrownBy(() -> new LocalTraining().run(spec("true", Duration.ZERO,
                new DeclaredOutput(DeclaredOutput.Kind.FILE, "../outside")), Map.of(), log::add))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inside the working directory");
    }

    @Test
    void metricsMustBeAJsonObject() throws Exception {
        Files.writeString(work.resolve("metrics.json"), "{\"accuracy\": 0.9,\n  oops}");
        assertThatThrownBy(() -> new LocalTraining().run(spec("true", Duration.ZERO,
                new DeclaredOutput(DeclaredOutput.Kind.METRICS, "metrics.json")), Map.of(), log::add))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("metrics.json:2:");
    }
}
