package io.jenkins.plugins.cd4ml.report;

import java.io.Serializable;

/**
 * Where in a user's file a problem was found. Lines and columns are 1-based; 0 means unknown.
 *
 * @param file the file as the user named it
 * @param line the 1-based line, or 0 when the problem concerns the whole file
 * @param column the 1-based column (field number for tabular data), or 0 when unknown
 */
public record SourceLocation(String file, long line, long column) implements Serializable {
    /**
     * @param file the file
     * @return a location that names the whole file
     */
    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.toString();
    }
}
