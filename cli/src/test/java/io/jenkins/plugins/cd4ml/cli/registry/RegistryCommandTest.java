package io.jenkins.plugins.cd4ml.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.cli.Cd4mlCommand;
import io.jenkins.plugins.cd4ml.cli.ExitCodes;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandTest {
    @TempDir
    Path temp;
    private Path store;
    private Path model;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void files() throws Exception {
        store = temp.resolve("store");
        model = Files.writeString(temp.resolve("model.onnx"), "weights");
        Files.writeString(temp.resolve("predictions.csv"), "id,p\n1,0.2\n");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private JsonNode json() throws Exception {
        return Json.mapper().readTree(out.toString());
    }

    @Test
    void registerPrintsTheVersionAndListShowsIt() throws Exception {
        assertThat(run("registry", "register", "--store", store.toString(), "--name", "credit-risk",
                "--artifact", model.toString(), "--artifact", temp.resolve("predictions.csv").toString(),
                "--format", "json")).isZero();
        JsonNode first = json();
        assertThat(first.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("artifacts").get(0).get("digest").asText()).isEqualTo(ContentDigest.sha256(model));

        assertThat(run("registry", "register", "--store", store.toString(), "--name", "credit-risk",
                "--artifact", model.toString(), "--format", "json")).isZero();
        assertThat(json().get("version").asInt()).isEqualTo(2);

        assertThat(run("registry", "list", "--store", store.toString(), "--name", "credit-risk", "--format",
                "json")).isZero();
        JsonNode list = json();
        assertThat(list.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(list.get("versions")).extracting(v -> v.get("version").asInt()).containsExactly(1, 2);
    }

    @Test
    void approvesAliasesAndShowsLineage() throws Exception {
        Path train = Files.writeString(temp.resolve("train.csv"), "a,b\n1,2\n");
        assertThat(run("registry", "register", "--store", store.toString(), "--name", "m", "--artifact",
                "model/weights.onnx=" + model, "--training-data", train.toString(), "--code-revision", "abc123",
                "--gate", "accuracy=PASSED", "--metric", "auc=0.93")).isZero();
        assertThat(run("registry", "approve", "--store", store.toString(), "--name", "m", "--version", "1",
                "--by", "carol", "--reason", "looks good")).isZero();
        assertThat(run("registry", "alias", "--store", store.toString(), "--name", "m", "--alias", "production",
                "--version", "1", "--by", "carol")).isZero();
        assertThat(out.toString()).contains("production").contains("v1");

        assertThat(run("registry", "show", "--store", store.toString(), "--name", "m", "--alias", "production",
                "--format", "json")).isZero();
        JsonNode shown = json();
        assertThat(shown.get("approval").get("status").asText()).isEqualTo("APPROVED");
        assertThat(shown.get("approval").get("by").asText()).isEqualTo("carol");
        assertThat(shown.get("artifacts").get(0).get("path").asText()).isEqualTo("model/weights.onnx");

        assertThat(run("lineage", "--store", store.toString(), "m", "production")).isZero();
        assertThat(out.toString()).contains("git checkout abc123")
                .contains(ContentDigest.hex(ContentDigest.sha256(train)))
                .contains("PASSED").contains("accuracy");
        assertThat(run("registry", "lineage", "--store", store.toString(), "--name", "m", "--version", "1",
                "--format", "json")).isZero();
        assertThat(json().get("trainingData").get(0).get("digest").asText()).isEqualTo(ContentDigest.sha256(train));
    }

    @Test
    void badInputAndUsageErrorsHaveDistinctExitCodes() throws Exception {
        assertThat(run("registry", "register", "--store", store.toString(), "--name", "m", "--artifact",
                temp.resolve("missing.bin").toString())).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("missing.bin");
        assertThat(run("registry", "register", "--store", store.toString(), "--name", "m")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("registry", "list", "--store", store.toString(), "--name", "unknown"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(run("registry", "register", "--store", store.toString(), "--name", "m", "--artifact",
                model.toString())).isZero();
        assertThat(run("registry", "show", "--store", store.toString(), "--name", "m", "--version", "5"))
                .isEqualTo(ExitCodes.ERROR);
        assertThat(run("registry", "register", "--store", store.toString(), "--name", "m", "--artifact",
                model.toString(), "--gate", "bias=FAILED")).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void refusesADirectoryThatIsNotAStore() throws Exception {
        Path own = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(own.resolve("notes.txt"), "keep me");
        assertThat(run("registry", "register", "--store", own.toString(), "--name", "m", "--artifact",
                model.toString())).isEqualTo(ExitCodes.ERROR);
        assertThat(Files.readString(own.resolve("notes.txt"))).isEqualTo("keep me");
        try (var entries = Files.list(own)) {
            assertThat(entries).hasSize(1);
        }
    }
}
