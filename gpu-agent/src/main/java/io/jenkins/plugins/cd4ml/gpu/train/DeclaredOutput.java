package io.jenkins.plugins.cd4ml.gpu.train;

import java.io.Serializable;

/**
 * An output the training command promises to write, relative to its working directory.
 *
 * @param kind what it is
 * @param path the path relative to the working directory (must stay inside it)
 */
public record DeclaredOutput(Kind kind, String path) implements Serializable {
    /** Kinds of outputs. */
    public enum Kind {
        /** The model: a file or a directory. */
        MODEL,
        /** A JSON object of metrics; numbers are read (nested keys joined with dots). */
        METRICS,
        /** Any other file or directory worth a digest. */
        FILE
    }
}
