package io.jenkins.plugins.cd4ml.gpu.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a user's training command on this machine with the allocated GPUs, streams its output
 * line by line to a sink, and collects the declared outputs with their SHA-256 digests. The
 * command runs directly (no shell), so arguments are never re-interpreted.
 */
public final class LocalTraining {
    /**
     * @param spec the command, working directory and declared outputs
     * @param gpuEnvironment the GPU variables of the allocation (e.g. {@code CUDA_VISIBLE_DEVICES})
     * @param log receives each output line of the command (stdout and stderr merged)
     * @return the exit code, duration and collected outputs
     * @throws InvalidInputException if a declared output lies outside the working directory, or a
     *         metrics file is not a JSON object
     * @throws IOException if the command cannot be started
     * @throws InterruptedException if interrupted (the command and its children are killed)
     */
    public TrainingResult run(TrainingSpec spec, Map<String, String> gpuEnvironment, Consumer<String> log)
            throws InvalidInputException, IOException, InterruptedException {
        Path workDir = Path.of(spec.workDir()).toAbsolutePath().normalize();
        for (DeclaredOutput output : spec.outputs()) {
            resolveInside(workDir, output);
        }
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(workDir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(spec.environment());
        builder.environment().putAll(gpuEnvironment);
        long start = System.nanoTime();
        Process process = builder.start();
        boolean timedOut = false;
        try {
            process.getOutputStream().close();
            Thread pump = new Thread(() -> pump(process, log), "cd4ml-training-log");
            pump.setDaemon(true);
            pump.start();
            if (spec.timeout().isZero()) {
                process.waitFor();
            } else if (!process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                timedOut = true;
                kill(process);
                log.accept("cd4ml: training command killed after its timeout of " + spec.timeout().toSeconds() + " s");
            }
            pump.join(TimeUnit.SECONDS.toMillis(10));
        } finally {
            if (process.isAlive()) {
                kill(process);
            }
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        int exit = timedOut ? -1 : process.exitValue();
        List<CollectedOutput> outputs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (DeclaredOutput declared : spec.outputs()) {
            outputs.add(collect(workDir, declared, problems));
        }
        return new TrainingResult(exit, timedOut, duration, outputs, problems);
    }

    private static void pump(Process process, Consumer<String> log) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.accept(line);
            }
        } catch (IOException e) {
            log.accept("cd4ml: training log stopped: " + e.getMessage());
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Path resolveInside(Path workDir, DeclaredOutput output) throws InvalidInputException {
        Path resolved = workDir.resolve(output.path()).normalize();
        if (!resolved.startsWith(workDir)) {
            throw new InvalidInputException(SourceLocation.ofFile(output.path()),
                    "declared output must lie inside the working directory " + workDir);
        }
        return resolved;
    }

    private static CollectedOutput collect(Path workDir, DeclaredOutput declared, List<String> problems)
            throws InvalidInputException, IOException {
        Path path = resolveInside(workDir, declared);
        if (!Files.exists(path)) {
            problems.add(declared.kind().name().toLowerCase(java.util.Locale.ROOT) + " output " + declared.path()
                    + " was not written");
            return new CollectedOutput(declared, false, "", 0, 0, Map.of());
        }
        OutputDigests.Digest digest = OutputDigests.of(path);
        Map<String, Double> metrics = declared.kind() == DeclaredOutput.Kind.METRICS
                ? readMetrics(path, declared.path()) : Map.of();
        return new CollectedOutput(declared, true, digest.digest(), digest.bytes(), digest.files(), metrics);
    }

    static Map<String, Double> readMetrics(Path file, String name) throws InvalidInputException, IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new InvalidInputException(new SourceLocation(name, Math.max(0, line), Math.max(0, column)),
                    "metrics must be a JSON object: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(SourceLocation.ofFile(name), "expected a JSON object of metrics");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        flatten("", root, metrics);
        return metrics;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Double> metrics) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isNumber()) {
                metrics.put(key, field.getValue().doubleValue());
            } else if (field.getValue().isObject()) {
                flatten(key, field.getValue(), metrics);
            }
        }
    }
}
