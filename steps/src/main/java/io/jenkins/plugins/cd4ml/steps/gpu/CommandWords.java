package io.jenkins.plugins.cd4ml.steps.gpu;

import hudson.AbortException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code trainModel} command into program and arguments the way a POSIX shell splits
 * words — whitespace separates, single quotes keep everything, double quotes keep everything but
 * {@code \"} and {@code \\}, a backslash outside quotes escapes the next character — and nothing
 * else: no variables, globs, pipes or redirections. The command runs without a shell, so a user's
 * value can never be interpreted as shell code.
 */
final class CommandWords {
    private CommandWords() {
    }

    /**
     * @param command e.g. {@code python train.py --epochs 3 --name "my model"}
     * @return the words, e.g. {@code [python, train.py, --epochs, 3, --name, my model]}
     * @throws AbortException if the command is empty or a quote is not closed
     */
    static List<String> split(String command) throws AbortException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < (command == null ? 0 : command.length()); i++) {
            char c = command.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < command.length() && "\"\\".indexOf(command.charAt(i + 1)) >= 0) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < command.length()) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new AbortException("command: the " + (quote == '\'' ? "single" : "double")
                    + " quote is not closed in '" + command + "'");
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new AbortException("command: the training command is empty");
        }
        return words;
    }
}
