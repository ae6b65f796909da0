package io.jenkins.plugins.cd4ml.gates.expectations;

import java.io.Serializable;
import java.util.List;

/**
 * The expectations of one file, in declaration order.
 *
 * @param source the file as named by the user
 * @param expectations the expectations
 */
public record ExpectationSuite(String source, List<Expectation> expectations) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the list so the suite is immutable. */
    public ExpectationSuite {
        expectations = List.copyOf(expectations);
    }
}
