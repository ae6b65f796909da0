package io.jenkins.plugins.cd4ml.steps.support;

import hudson.AbortException;
import hudson.FilePath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Confines user-given paths (step arguments such as {@code data: 'data/train.csv'}) to the
 * workspace: absolute paths, drive letters, UNC paths and {@code ..} segments that climb out are
 * rejected with a message naming the argument.
 *
 * <p>Two layers: {@link #normalize} / {@link #resolve} check the text on the controller before
 * anything runs; {@link #confine} runs inside an agent-side callable and also follows symbolic
 * links, so a link in the workspace cannot point outside it.
 */
public final class WorkspacePaths {
    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");

    private WorkspacePaths() {
    }

    /**
     * @param argument the step argument's name, for the message
     * @param userPath the path as the user wrote it
     * @return the path relative to the workspace, with {@code /} separators and no {@code .} or
     *     {@code ..} segments
     * @throws AbortException if the path is empty, absolute, or leaves the workspace
     */
    public static String normalize(String argument, String userPath) throws AbortException {
        if (userPath == null || userPath.isBlank()) {
            throw new AbortException(argument + ": a path inside the workspace is required");
        }
        if (userPath.indexOf('\0') >= 0) {
            throw new AbortException(argument + ": the path contains a NUL character");
        }
        String path = userPath.replace('\\', '/');
        if (path.startsWith("/") || DRIVE_LETTER.matcher(path).matches()) {
            throw new AbortException(argument + ": '" + userPath
                    + "' is absolute; give a path relative to the workspace");
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    throw new AbortException(argument + ": '" + userPath + "' leaves the workspace");
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        if (segments.isEmpty()) {
            throw new AbortException(argument + ": '" + userPath + "' names the workspace itself, not a file in it");
        }
        return String.join("/", segments);
    }

    /**
     * @param workspace the step's workspace ({@code context.get(FilePath.class)})
     * @param argument the step argument's name, for the message
     * @param userPath the path as the user wrote it
     * @return the file inside the workspace
     * @throws AbortException if the path is not confined to the workspace
     */
    public static FilePath resolve(FilePath workspace, String argument, String userPath) throws AbortException {
        return workspace.child(normalize(argument, userPath));
    }

    /**
     * The agent-side check: resolves the path under the workspace directory and makes sure that,
     * after following symbolic links, it is still inside. Call it from a file callable's
     * {@code invoke(File workspace, VirtualChannel channel)}.
     *
     * @param workspace the workspace directory on the agent
     * @param argument the step argument's name, for the message
     * @param userPath the path as the user wrote it
     * @return the confined path (it need not exist yet, e.g. for an output file)
     * @throws IOException if the path leaves the workspace or the workspace cannot be read
     */
    public static Path confine(File workspace, String argument, String userPath) throws IOException {
        Path root = workspace.toPath().toRealPath();
        Path candidate = root.resolve(normalize(argument, userPath));
        Path existing = candidate;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && !existing.toRealPath().startsWith(root)) {
            throw new AbortException(argument + ": '" + userPath
                    + "' resolves outside the workspace through a symbolic link");
        }
        return candidate;
    }
}
