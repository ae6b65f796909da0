package io.jenkins.plugins.cd4ml.steps.gpu;

import io.jenkins.plugins.cd4ml.gpu.probe.CommandResult;
import io.jenkins.plugins.cd4ml.gpu.probe.GpuProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A GPU agent answering nvidia-smi from a real capture of a machine with one Tesla T4
 * ({@code t4.xml}, {@code t4.csv}, copied from gpu-agent's fixtures), with that GPU idle in every
 * telemetry sample; the kernel log is not readable. Locks go to a test directory.
 */
final class RecordedGpus implements GpuProbe {
    static final String T4_UUID = "GPU-5e9d7c1b-3a2f-8e4d-6c0b-1a9f8e7d6c5b";

    private final String xml = text("t4.xml");
    private final String csv = text("t4.csv");

    static GpuAgent agent(Path lockDirectory) {
        return new GpuAgent(new RecordedGpus(), lockDirectory, Duration.ofMillis(20));
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        if (command.contains("-q")) {
            return CommandResult.ok(command, xml);
        }
        String query = command.stream().filter(a -> a.startsWith("--query-gpu=")).findFirst().orElse("");
        if (query.contains("utilization.gpu")) {
            // index, uuid, utilization %, memory used MiB, memory total MiB, power W, temperature C
            return CommandResult.ok(command, "0, " + T4_UUID + ", 0, 250, 15360, 27.50, 41\n");
        }
        if (!query.isEmpty()) {
            return CommandResult.ok(command, csv);
        }
        return CommandResult.notFound(command, command.get(0) + ": not readable in this test");
    }

    private static String text(String name) {
        try (InputStream in = RecordedGpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
