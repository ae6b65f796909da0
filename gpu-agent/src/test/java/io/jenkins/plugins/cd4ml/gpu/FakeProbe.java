package io.jenkins.plugins.cd4ml.gpu;

import io.jenkins.plugins.cd4ml.gpu.probe.CommandResult;
import io.jenkins.plugins.cd4ml.gpu.probe.GpuProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A probe that answers nvidia-smi, journalctl and dmesg from fixtures. Commands it does not know
 * fail like a missing program.
 */
public final class FakeProbe implements GpuProbe {
    private final List<Function<List<String>, CommandResult>> answers = new ArrayList<>();
    private final List<List<String>> calls = new ArrayList<>();

    /**
     * @param fixture the fixture base name, e.g. {@code a100-80gb}
     * @return a probe answering nvidia-smi from {@code <fixture>.xml}, {@code .csv} and {@code -L.txt}
     */
    public static FakeProbe nvidiaSmi(String fixture) {
        FakeProbe probe = new FakeProbe();
        probe.answer("-q", CommandResult.Outcome.OK, 0, Fixtures.text(fixture + ".xml"));
        probe.answer("--query-gpu", CommandResult.Outcome.OK, 0, Fixtures.text(fixture + ".csv"));
        if (Fixtures.exists(fixture + "-L.txt")) {
            probe.answer("-L", CommandResult.Outcome.OK, 0, Fixtures.text(fixture + "-L.txt"));
        }
        return probe;
    }

    /**
     * @param argument an argument the command contains (e.g. {@code -q}, {@code journalctl})
     * @param outcome the outcome
     * @param exit the exit code
     * @param stdout the output
     * @return this probe
     */
    public FakeProbe answer(String argument, CommandResult.Outcome outcome, int exit, String stdout) {
        answers.add(command -> command.stream().anyMatch(a -> a.equals(argument) || a.startsWith(argument + "="))
                ? new CommandResult(command, outcome, exit, outcome == CommandResult.Outcome.OK ? stdout : "",
                        outcome == CommandResult.Outcome.OK ? "" : stdout)
                : null);
        return this;
    }

    /** @return the commands that ran */
    public List<List<String>> calls() {
        return calls;
    }

    @Override
    public synchronized CommandResult run(List<String> command, Duration timeout) {
        calls.add(List.copyOf(command));
        for (Function<List<String>, CommandResult> answer : answers) {
            CommandResult result = answer.apply(command);
            if (result != null) {
                return result;
            }
        }
        return CommandResult.notFound(command, command.get(0) + ": command not found");
    }
}
