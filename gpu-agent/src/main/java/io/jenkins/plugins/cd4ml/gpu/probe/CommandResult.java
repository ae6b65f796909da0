package io.jenkins.plugins.cd4ml.gpu.probe;

import java.io.Serializable;
import java.util.List;

/**
 * What running one diagnostic command (e.g. {@code nvidia-smi -q -x}) produced.
 *
 * @param command the command line that ran
 * @param outcome how it ended
 * @param exitCode the exit code (-1 when it did not start or timed out)
 * @param stdout standard output
 * @param stderr standard error (or the reason it could not start)
 */
public record CommandResult(List<String> command, Outcome outcome, int exitCode, String stdout, String stderr)
        implements Serializable {
    /** How a command ended. */
    public enum Outcome {
        /** It ran and exited with code 0. */
        OK,
        /** The program does not exist (no driver installed). */
        NOT_FOUND,
        /** It ran but failed (non-zero exit, e.g. the driver could not be reached). */
        FAILED,
        /** It did not finish within the time limit and was killed. */
        TIMED_OUT
    }

    public CommandResult {
        command = List.copyOf(command);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    /**
     * @param command the command line
     * @param stdout its output
     * @return a successful result
     */
    public static CommandResult ok(List<String> command, String stdout) {
        return new CommandResult(command, Outcome.OK, 0, stdout, "");
    }

    /**
     * @param command the command line
     * @param reason why it could not start
     * @return a result for a missing program
     */
    public static CommandResult notFound(List<String> command, String reason) {
        return new CommandResult(command, Outcome.NOT_FOUND, -1, "", reason);
    }

    /** @return whether the command exited with code 0 */
    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    /** @return a one-line description of a failure, for logs and reports */
    public String describeFailure() {
        String detail = (stderr.isBlank() ? stdout : stderr).strip();
        int newline = detail.indexOf('\n');
        if (newline > 0) {
            detail = detail.substring(0, newline);
        }
        String program = command.isEmpty() ? "command" : command.get(0);
        return switch (outcome) {
            case OK -> program + " succeeded";
            case NOT_FOUND -> program + " not found" + (detail.isEmpty() ? "" : " (" + detail + ")");
            case TIMED_OUT -> program + " timed out";
            case FAILED -> program + " failed with exit code " + exitCode + (detail.isEmpty() ? "" : ": " + detail);
        };
    }
}
