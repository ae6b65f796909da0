package io.jenkins.plugins.cd4ml.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.cli.Cd4mlCommand;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./cd4ml demo} end to end, twice: the first run has no serving model to compare with, the
 * second gates the new candidate against the version the first run promoted (registry alias
 * {@code production}), re-scored from its stored evaluation predictions.
 */
class DemoEndToEndTest {
    private static final Path EXAMPLE = Path.of("../examples/credit-risk");
    private static final Path TRAINER = EXAMPLE.resolve("trainer/target/credit-risk-trainer.jar");

    @TempDir
    Path output;

    private int demo(StringWriter out) {
        return Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "demo",
                "--output", output.toString(), "--example", EXAMPLE.toString(), "--trainer", TRAINER.toString());
    }

    @Test
    void runsTheExamplePipelineEndToEndAndGatesTheSecondModelAgainstTheFirst() throws Exception {
        assertThat(TRAINER).as("built by the reactor before this module").isRegularFile();

        StringWriter first = new StringWriter();
        assertThat(demo(first)).as(first.toString()).isZero();
        assertThat(first.toString()).contains("Demo finished.")
                .contains("DEPLOYED");
        assertThat(output.resolve("summary.md")).content().contains("| 13 | lineage | passed |");
        assertThat(output.resolve("validation-train.html")).content().contains("<html");
        assertThat(output.resolve("train/model/model.json")).content().contains("cd4ml-linear-model");
        JsonNode firstGate = Json.mapper().readTree(Files.readString(output.resolve("gate.json")));
        assertThat(firstGate.findValuesAsText("status")).contains("NO_BASELINE");

        StringWriter second = new StringWriter();
        assertThat(demo(second)).as(second.toString()).isZero();
        JsonNode secondGate = Json.mapper().readTree(Files.readString(output.resolve("gate.json")));
        assertThat(secondGate.findValuesAsText("status")).doesNotContain("NO_BASELINE");
        assertThat(secondGate.path("baseline").path("version").asText()).isEqualTo("credit-risk:1");
        JsonNode registered = Json.mapper().readTree(Files.readString(output.resolve("logs/08-registry-register.log")));
        assertThat(registered.get("version").asInt()).isEqualTo(2);
        assertThat(output.resolve("logs/13-lineage.log")).content()
                .as("the registry knows where version 2 went").contains("production").contains("staging");
    }
}
