package io.jenkins.plugins.cd4ml.gpu.train;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A local training run: the user's command, where it runs and what it must produce.
 *
 * @param command the program and its arguments, e.g. {@code [python, train.py]} (run directly, no shell)
 * @param workDir the working directory (absolute path as text, so the spec can travel to an agent)
 * @param environment extra environment variables (GPU variables are added on top)
 * @param outputs the outputs to collect
 * @param timeout the longest the command may run ({@link Duration#ZERO} for no limit)
 */
public record TrainingSpec(List<String> command, String workDir, Map<String, String> environment,
        List<DeclaredOutput> outputs, Duration timeout) implements Serializable {
    public TrainingSpec {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the training command is empty");
        }
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        outputs = List.copyOf(outputs);
        timeout = timeout == null ? Duration.ZERO : timeout;
    }
}
