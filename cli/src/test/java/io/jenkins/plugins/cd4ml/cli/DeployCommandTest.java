package io.jenkins.plugins.cd4ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cd4ml deploy} end to end on the local target. */
class DeployCommandTest {
    @TempDir
    Path directory;

    private StringWriter out;
    private StringWriter err;
    private Path environments;

    @BeforeEach
    void writeEnvironmentsAndModels() throws Exception {
        environments = directory.resolve("environments.yaml");
        Files.writeString(environments, """
                environments:
                  - name: staging
                    target: {type: local, probeRequests: 10}
                  - name: production
                    target: {type: local, probeRequests: 10}
                    requiresApproval: true
                """);
        model("1", "income", "debt_ratio");
        model("2", "income", "debt_ratio");
        model("3", "income", "debt_ratio", "age");
    }

    private void model(String version, String... features) throws Exception {
        Path artifact = Files.createDirectories(directory.resolve("models").resolve(version));
        List<String> coefficients = new ArrayList<>();
        for (String feature : features) {
            coefficients.add("\"" + feature + "\": 0.25");
        }
        Files.writeString(artifact.resolve("model.json"), "{\"format\": \"cd4ml-linear-model\", \"formatVersion\": 1,"
                + " \"intercept\": 0.1, \"coefficients\": {" + String.join(", ", coefficients) + "}, \"threshold\": 0.5}");
    }

    private int deploy(String... extra) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("deploy", "--environments", environments.toString(),
                "--state-dir", directory.resolve("state").toString(), "--model", "credit-risk"));
        args.addAll(List.of(extra));
        return Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    }

    private String artifact(String version) {
        return directory.resolve("models").resolve(version).toString();
    }

    @Test
    void deploysThenCanaryRollsBackABadVersionWithExitCodes() throws Exception {
        assertThat(deploy("--environment", "staging", "--version", "1", "--artifact", artifact("1"),
                "--format", "json")).as(err.toString()).isZero();
        JsonNode first = Json.mapper().readTree(out.toString());
        assertThat(first.path("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(first.path("outcome").asText()).isEqualTo("DEPLOYED");
        assertThat(first.path("serving").path("traffic").path("1").asInt()).isEqualTo(100);
        assertThat(first.path("events").size()).isGreaterThan(3);

        // a new process: the local endpoint is brought back from its state file, then the canary trips the alarm
        assertThat(deploy("--environment", "staging", "--version", "3", "--artifact", artifact("3"),
                "--strategy", "canary", "--percent", "20", "--alarm", "credit-risk-errors")).isEqualTo(1);
        assertThat(out.toString()).contains("credit-risk version 3 -> staging: ROLLED_BACK",
                "alarm 'credit-risk-errors' fired", "serving: IN_SERVICE 1=100% (verified)");
        assertThat(err.toString()).contains("rollback");

        assertThat(deploy("--environment", "staging", "--version", "2", "--artifact", artifact("2"),
                "--strategy", "linear", "--percent", "50", "--alarm", "credit-risk-errors")).as(out.toString()).isZero();
        assertThat(out.toString()).contains("DEPLOYED", "serving: IN_SERVICE 2=100% (verified)");
        JsonNode registry = Json.mapper().readTree(directory.resolve("state/registry.json").toFile());
        assertThat(registry.path("models").path("credit-risk").path("aliases").path("staging").asText()).isEqualTo("2");
        assertThat(registry.path("deployments")).extracting(node -> node.path("outcome").asText())
                .containsExactly("DEPLOYED", "ROLLED_BACK", "DEPLOYED");
    }

    @Test
    void productionRequiresAnApprovedVersion() {
        assertThat(deploy("--environment", "production", "--version", "1", "--artifact", artifact("1"))).isEqualTo(1);
        assertThat(out.toString()).contains("REFUSED", "requires an APPROVED version");

        assertThat(deploy("--environment", "production", "--version", "1", "--approved")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("credit-risk version 1 -> production: DEPLOYED");
    }

    @Test
    void strategiesOutsideTheGuardrailsAreUsageErrors() {
        assertThat(deploy("--environment", "staging", "--version", "1", "--artifact", artifact("1"),
                "--strategy", "canary", "--percent", "10")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("canary: rollback alarms are required");
        assertThat(deploy("--environment", "staging", "--version", "1", "--strategy", "canary", "--percent", "60",
                "--alarm", "a")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("percent must be between 1 and 50 %, got 60");
        assertThat(deploy("--environment", "staging", "--version", "1", "--strategy", "rainbow"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(deploy("--environment", "staging")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void badInputIsExitCodeThree() throws Exception {
        assertThat(deploy("--environment", "qa", "--version", "1", "--artifact", artifact("1")))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("no environment named 'qa'");
        assertThat(deploy("--environment", "staging", "--version", "9")).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("model 'credit-risk' has no version '9'");
        Files.writeString(environments, "environments:\n  - name: staging\n    target: {type: locale}\n");
        assertThat(deploy("--environment", "staging", "--version", "1")).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("environments.yaml:3:20: unknown target type 'locale'");
    }
}
