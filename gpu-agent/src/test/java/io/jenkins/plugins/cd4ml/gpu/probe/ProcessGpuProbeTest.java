package io.jenkins.plugins.cd4ml.gpu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessGpuProbeTest {
    private final ProcessGpuProbe probe = new ProcessGpuProbe();

    @Test
    void missingProgramIsNotFound() throws InterruptedException {
        CommandResult result = probe.run(List.of("cd4ml-no-such-nvidia-smi", "-q", "-x"), Duration.ofSeconds(5));
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.NOT_FOUND);
        assertThat(result.describeFailure()).startsWith("cd4ml-no-such-nvidia-smi not found");
    }

    @Test
    void failureKeepsExitCodeAndMessage() throws InterruptedException {
        CommandResult result = probe.run(List.of("sh", "-c", "echo 'NVIDIA-SMI has failed' ; exit 9"),
                Duration.ofSeconds(5));
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.FAILED);
        assertThat(result.exitCode()).isEqualTo(9);
        assertThat(result.describeFailure()).isEqualTo("sh failed with exit code 9: NVIDIA-SMI has failed");
    }

    @Test
    void shellCommandNotFoundIsNotFound() throws InterruptedException {
        CommandResult result = probe.run(List.of("sh", "-c", "cd4ml-no-such-nvidia-smi"), Duration.ofSeconds(5));
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.NOT_FOUND);
    }

    @Test
    void hangingCommandTimesOut() throws InterruptedException {
        long start = System.nanoTime();
        CommandResult result = probe.run(List.of("sleep", "30"), Duration.ofMillis(300));
        assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.TIMED_OUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void largeStderrDoesNotBlock() throws InterruptedException {
        CommandResult result = probe.run(List.of("sh", "-c", "head -c 300000 /dev/zero | tr '\\0' x >&2; echo done"),
                Duration.ofSeconds(20));
        assertThat(result.isOk()).isTrue();
        assertThat(result.stdout().strip()).isEqualTo("done");
        assertThat(result.stderr()).hasSize(300000);
    }
}
