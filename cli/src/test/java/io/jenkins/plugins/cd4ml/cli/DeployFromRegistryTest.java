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

/**
 * End to end through the CLI in registry mode: register with {@code cd4ml registry}, approve, deploy
 * with {@code cd4ml deploy --store} (local target), and read the deployment back in {@code cd4ml lineage}.
 */
class DeployFromRegistryTest {
    @TempDir
    Path directory;

    private StringWriter out;
    private StringWriter err;
    private Path store;
    private Path environments;

    @BeforeEach
    void writeEnvironmentsAndModel() throws Exception {
        store = directory.resolve("registry");
        environments = directory.resolve("environments.yaml");
        Files.writeString(environments, """
                environments:
                  - name: dev
                    target: {type: local, probeRequests: 5}
                  - name: production
                    target: {type: local, probeRequests: 5}
                    requiresApproval: true
                """);
        Files.writeString(directory.resolve("model.json"), "{\"format\": \"cd4ml-linear-model\", \"formatVersion\": 1,"
                + " \"intercept\": 0.1, \"coefficients\": {\"income\": 0.25}, \"threshold\": 0.5}");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private int deploy(String environment, String version, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--store", store.toString(), "--environments",
                environments.toString(), "--state-dir", directory.resolve("state").toString(), "--model",
                "credit-risk", "--environment", environment, "--version", version));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void registeredApprovedVersionIsDeployedAndTheLineageShowsWhere() throws Exception {
        assertThat(run("registry", "register", "--store", store.toString(), "--name", "credit-risk",
                "--artifact", "model/model.json=" + directory.resolve("model.json"))).as(err.toString()).isZero();

        assertThat(deploy("production", "1")).as("not approved yet").isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("REFUSED").contains("requires an APPROVED version");

        assertThat(run("registry", "approve", "--store", store.toString(), "--name", "credit-risk", "--version", "1",
                "--by", "carol")).isZero();
        assertThat(deploy("dev", "1", "--format", "json")).as(err.toString()).isZero();
        JsonNode record = Json.mapper().readTree(out.toString());
        assertThat(record.path("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(record.path("outcome").asText()).isEqualTo("DEPLOYED");
        assertThat(record.path("serving").path("traffic").path("1").asInt()).isEqualTo(100);

        assertThat(deploy("production", "dev")).as("an alias names the version it points at").isZero();
        assertThat(out.toString()).contains("version 1 -> production: DEPLOYED");

        assertThat(run("lineage", "--store", store.toString(), "credit-risk", "1", "--format", "json")).isZero();
        JsonNode lineage = Json.mapper().readTree(out.toString());
        List<String> deployments = new ArrayList<>();
        lineage.path("deployments").forEach(d -> deployments.add(d.path("environment").asText() + " "
                + d.path("outcome").asText()));
        assertThat(deployments).containsExactly("production REFUSED", "dev DEPLOYED", "production DEPLOYED");
        assertThat(lineage.path("aliases")).extracting(JsonNode::asText).containsExactlyInAnyOrder("dev", "production");
    }

    @Test
    void unknownAliasesAndStateFileOptionsAreRefused() {
        assertThat(run("registry", "register", "--store", store.toString(), "--name", "credit-risk",
                "--artifact", "model/model.json=" + directory.resolve("model.json"))).isZero();

        assertThat(deploy("dev", "champion")).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("has no version or alias 'champion'");
        assertThat(deploy("dev", "1", "--approved")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("cd4ml registry approve");
    }
}
