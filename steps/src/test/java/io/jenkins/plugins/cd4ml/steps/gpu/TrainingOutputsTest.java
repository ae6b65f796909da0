package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.cd4ml.gpu.train.DeclaredOutput;
import io.jenkins.plugins.cd4ml.gpu.train.DeclaredOutput.Kind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingOutputsTest {
    @Test
    void modelAndMetricsHaveMeaningOtherNamesAreFiles() throws Exception {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("model", "out/./model/");
        given.put("metrics", "out/metrics.json");
        given.put("vocabulary", new StringBuilder("out/vocab.txt")); // e.g. a GString: any object whose text is a path

        TrainingOutputs outputs = TrainingOutputs.of(given);

        assertThat(outputs.names()).containsExactly("model", "metrics", "vocabulary");
        assertThat(outputs.declared()).containsExactly(new DeclaredOutput(Kind.MODEL, "out/model"),
                new DeclaredOutput(Kind.METRICS, "out/metrics.json"), new DeclaredOutput(Kind.FILE, "out/vocab.txt"));
        assertThat(outputs.asMap()).containsEntry("model", "out/model");
        assertThat(TrainingOutputs.of(null).declared()).isEmpty();
    }

    @Test
    void pathsStayInTheWorkspace() {
        assertThatThrownBy(() -> TrainingOutputs.of(Map.of("model", "../model"))).isInstanceOf(AbortException.class)
                .hasMessageContaining("outputs.model").hasMessageContaining("leaves the workspace");
        assertThatThrownBy(() -> TrainingOutputs.of(Map.of("metrics", "/tmp/m.json"))).isInstanceOf(AbortException.class)
                .hasMessageContaining("absolute");
    }

    @Test
    void namesAreIdentifiers() {
        assertThatThrownBy(() -> TrainingOutputs.of(Map.of("my model", "m"))).isInstanceOf(AbortException.class)
                .hasMessageContaining("'my model'");
    }
}
