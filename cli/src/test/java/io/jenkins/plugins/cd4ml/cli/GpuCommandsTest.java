package io.jenkins.plugins.cd4ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cd4ml gpus} and {@code cd4ml train} against a fake nvidia-smi (a shell script printing fixtures). */
class GpuCommandsTest {
    /** The nvidia-smi fixtures live with the engine that parses them. */
    private static final Path FIXTURES = Path.of(System.getProperty("basedir", "."))
            .resolve("../gpu-agent/src/test/resources/io/jenkins/plugins/cd4ml/gpu/fixtures").normalize();

    @TempDir
    Path dir;

    private Path locks;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        locks = Files.createDirectories(dir.resolve("locks"));
    }

    private int run(String... args) {
        return Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Writes a fake nvidia-smi answering from the fixture and a telemetry line per GPU. */
    private Path fakeNvidiaSmi(String fixture, String telemetry) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin-" + fixture));
        Files.copy(FIXTURES.resolve(fixture + ".xml"), bin.resolve("smi.xml"));
        Files.copy(FIXTURES.resolve(fixture + ".csv"), bin.resolve("smi.csv"));
        Files.writeString(bin.resolve("telemetry.csv"), telemetry);
        Path script = bin.resolve("nvidia-smi");
        Files.writeString(script, """
                #!/bin/sh
                D=$(dirname "$0")
                case "$1" in
                  -q) cat "$D/smi.xml" ;;
                  --query-gpu=index,uuid,name*) cat "$D/smi.csv" ;;
                  --query-gpu=*) cat "$D/telemetry.csv" ;;
                  *) echo "unexpected arguments: $*" >&2; exit 2 ;;
                esac
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static String uuidOf(String fixture, int index) throws Exception {
        return Files.readAllLines(FIXTURES.resolve(fixture + ".csv")).get(index).split(", ")[1];
    }

    @Test
    void gpusPrintsGpusHealthAndLabels() throws Exception {
        Path smi = fakeNvidiaSmi("a100-80gb", "");
        assertThat(run("gpus", "--nvidia-smi", smi.toString(), "--no-kernel-log", "--lock-dir", locks.toString()))
                .isEqualTo(ExitCodes.PASSED);
        assertThat(out.toString()).contains("1 GPU(s), driver 535.129.03, CUDA 12.2")
                .contains("GPU 0: NVIDIA A100-SXM4-80GB, 81920 MiB, compute 8.0")
                .contains("health: healthy")
                .contains("labels: cuda-12 cuda-12.2 gpu gpu-1 gpu-a100 gpu-mem-80g");
    }

    @Test
    void gpusJsonReportsUnhealthyGpusAndFails() throws Exception {
        Path smi = fakeNvidiaSmi("dgx-a100-8x", "");
        Path kernelLog = FIXTURES.resolve("kernel-log-dmesg.txt");
        assertThat(run("gpus", "--format", "json", "--nvidia-smi", smi.toString(), "--kernel-log",
                kernelLog.toString(), "--lock-dir", locks.toString())).isEqualTo(ExitCodes.FAILED);
        JsonNode json = Json.mapper().readTree(out.toString());
        assertThat(json.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(json.get("gpus")).hasSize(8);
        assertThat(json.get("labels").toString()).contains("\"gpu-5\"").contains("\"gpu-unhealthy\"");
        assertThat(json.get("gpus").get(3).get("health").get("status").asText()).isEqualTo("UNHEALTHY");
        assertThat(json.get("gpus").get(6).get("health").get("findings").toString()).contains("XID").contains("79");
        assertThat(json.get("gpus").get(0).get("computeCapability").asText()).isEqualTo("8.0");
    }

    @Test
    void gpusWithoutDriverPrintsNoLabelsAndPasses() {
        assertThat(run("gpus", "--nvidia-smi", dir.resolve("no-such-nvidia-smi").toString(), "--no-kernel-log",
                "--lock-dir", locks.toString())).isEqualTo(ExitCodes.PASSED);
        assertThat(out.toString()).containsIgnoringCase("no NVIDIA driver").contains("labels: (none)");
    }

    @Test
    void gpusWithFailingDriverFails() throws Exception {
        Path script = dir.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\necho \"NVIDIA-SMI has failed because it couldn't communicate with "
                + "the NVIDIA driver. Make sure that the latest NVIDIA driver is installed and running.\"\nexit 9\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(run("gpus", "--nvidia-smi", script.toString(), "--no-kernel-log", "--lock-dir", locks.toString()))
                .isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("NVIDIA driver not answering").contains("exit code 9")
                .contains("labels: gpu-unhealthy");
    }

    @Test
    void trainRunsTheCommandOnTheGpuAndReports() throws Exception {
        String uuid = uuidOf("a100-80gb", 0);
        Path smi = fakeNvidiaSmi("a100-80gb", "0, " + uuid + ", 97, 61000, 81920, 390.5, 61\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        String script = "echo \"training on $CUDA_VISIBLE_DEVICES\"; mkdir -p model; printf w > model/w.bin; "
                + "printf '{\"accuracy\": 0.91}' > metrics.json";
        int exit = run("train", "--gpus", "1", "--min-memory-gb", "80", "--interval", "20ms", "--nvidia-smi",
                smi.toString(), "--no-kernel-log", "--lock-dir", locks.toString(), "--workdir", work.toString(),
                "--model", "model", "--metrics", "metrics.json", "--", "sh", "-c", script);
        assertThat(exit).as(out + "\n" + err).isEqualTo(ExitCodes.PASSED);
        assertThat(out.toString()).contains("training on " + uuid).contains("Training succeeded: exit code 0")
                .contains("model model: sha256:").contains("accuracy = 0.91")
                .containsPattern("GPU report: 1 device\\(s\\), \\d+ s, energy \\d+\\.\\d{3} Wh, idle 0%");
    }

    @Test
    void trainJsonAndIdleWarning() throws Exception {
        String uuid = uuidOf("a100-80gb", 0);
        Path smi = fakeNvidiaSmi("a100-80gb", "0, " + uuid + ", 0, 500, 81920, 60.0, 35\n");
        int exit = run("train", "--format", "json", "--interval", "20ms", "--nvidia-smi", smi.toString(),
                "--no-kernel-log", "--lock-dir", locks.toString(), "--workdir", dir.toString(), "--", "sh", "-c",
                "echo hello");
        assertThat(exit).as(out + "\n" + err).isEqualTo(ExitCodes.UNSTABLE);
        JsonNode json = Json.mapper().readTree(out.toString());
        assertThat(json.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(json.get("verdict").asText()).isEqualTo("UNSTABLE");
        assertThat(json.get("exitCode").asInt()).isZero();
        assertThat(json.at("/gpu/devices/0/uuid").asText()).isEqualTo(uuid);
        assertThat(json.at("/gpu/telemetry/warnings/0").asText()).contains("idle 100%");
        assertThat(err.toString()).contains("hello");
    }

    @Test
    void trainFailsWhenTheCommandFailsAndErrsWhenGpusCannotBeHad() throws Exception {
        Path smi = fakeNvidiaSmi("a100-80gb", "");
        List<String> base = new ArrayList<>(List.of("train", "--nvidia-smi", smi.toString(), "--no-kernel-log",
                "--lock-dir", locks.toString(), "--workdir", dir.toString()));
        List<String> failing = new ArrayList<>(base);
        failing.addAll(List.of("--", "sh", "-c", "exit 3"));
        assertThat(run(failing.toArray(String[]::new))).isEqualTo(ExitCodes.FAILED);
        List<String> tooMany = new ArrayList<>(base);
        tooMany.addAll(List.of("--gpus", "2", "--", "true"));
        assertThat(run(tooMany.toArray(String[]::new))).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("cannot serve 2 GPU(s)");
        assertThat(run("train", "--wait", "soon", "--", "true")).isEqualTo(ExitCodes.USAGE);
    }
}
