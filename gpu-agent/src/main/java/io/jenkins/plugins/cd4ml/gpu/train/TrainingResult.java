package io.jenkins.plugins.cd4ml.gpu.train;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * What a training run produced.
 *
 * @param exitCode the command's exit code (-1 when it was killed)
 * @param timedOut whether it was killed for running past its timeout
 * @param duration how long it ran
 * @param outputs the declared outputs with their digests
 * @param problems declared outputs that are missing or unreadable
 */
public record TrainingResult(int exitCode, boolean timedOut, Duration duration, List<CollectedOutput> outputs,
        List<String> problems) implements Serializable {
    public TrainingResult {
        outputs = List.copyOf(outputs);
        problems = List.copyOf(problems);
    }

    /** @return whether the command succeeded and every declared output was collected */
    public boolean succeeded() {
        return exitCode == 0 && !timedOut && problems.isEmpty();
    }
}
