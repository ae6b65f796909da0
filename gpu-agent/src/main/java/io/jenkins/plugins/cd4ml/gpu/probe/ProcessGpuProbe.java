package io.jenkins.plugins.cd4ml.gpu.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs diagnostic commands as child processes with a time limit. */
public final class ProcessGpuProbe implements GpuProbe {
    /** Output beyond this many bytes is dropped (nvidia-smi -q -x for 8 GPUs is ~300 KB). */
    static final int MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

    @Override
    public CommandResult run(List<String> command, Duration timeout) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            // ProcessBuilder reports a missing program as an IOException ("error=2, No such file").
            return CommandResult.notFound(command, e.getMessage());
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stdout = readAsync(process.getInputStream());
            CompletableFuture<String> stderr = readAsync(process.getErrorStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new CommandResult(command, CommandResult.Outcome.TIMED_OUT, -1, "",
                        "no answer within " + timeout.toSeconds() + " s");
            }
            int exit = process.exitValue();
            String out = stdout.get(5, TimeUnit.SECONDS);
            String err = stderr.get(5, TimeUnit.SECONDS);
            // A shell wrapper reports a missing program with exit code 127.
            CommandResult.Outcome outcome = exit == 0 ? CommandResult.Outcome.OK
                    : exit == 127 ? CommandResult.Outcome.NOT_FOUND : CommandResult.Outcome.FAILED;
            return new CommandResult(command, outcome, exit, out, err);
        } catch (IOException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            return new CommandResult(command, CommandResult.Outcome.FAILED, -1, "", String.valueOf(e.getMessage()));
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        CompletableFuture<String> result = new CompletableFuture<>();
        // One daemon thread per stream: the common pool may have a single worker on small agents,
        // and a full stderr pipe must never block the process while stdout is being read.
        Thread reader = new Thread(() -> {
            try (stream) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                int read;
                while ((read = stream.read(chunk)) >= 0) {
                    if (buffer.size() + read <= MAX_OUTPUT_BYTES) {
                        buffer.write(chunk, 0, read);
                    }
                }
                result.complete(buffer.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }, "cd4ml-probe-reader");
        reader.setDaemon(true);
        reader.start();
        return result;
    }
}
