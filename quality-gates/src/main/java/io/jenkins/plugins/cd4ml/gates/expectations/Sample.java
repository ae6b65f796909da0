package io.jenkins.plugins.cd4ml.gates.expectations;

import java.io.Serializable;

/**
 * One offending row, shown so users can find it.
 *
 * @param row the 1-based data row (the header is not counted)
 * @param line the 1-based line of the file where the row starts
 * @param value the offending value as written (abbreviated past 200 characters; null for a null)
 */
public record Sample(long row, long line, String value) implements Serializable {
    private static final long serialVersionUID = 1L;
}
