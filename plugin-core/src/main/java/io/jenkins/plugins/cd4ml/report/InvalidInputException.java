package io.jenkins.plugins.cd4ml.report;

/**
 * Input that cannot be evaluated: a malformed dataset, expectations file, gates file, registry entry.
 * Always leads to {@link Verdict#ERROR} (exit code 3), never to a pass or fail.
 *
 * <p>The message reads {@code file:line:column: what was wrong (expected …)} so users can jump to it.
 */
public class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final SourceLocation location;
    private final String problem;

    /**
     * @param location where the problem is
     * @param problem what is wrong and what was expected
     */
    public InvalidInputException(SourceLocation location, String problem) {
        super(location + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    /**
     * @param location where the problem is
     * @param problem what is wrong and what was expected
     * @param cause the underlying exception
     */
    public InvalidInputException(SourceLocation location, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
        this.location = location;
        this.problem = problem;
    }

    /** @return where the problem is */
    public SourceLocation getLocation() {
        return location;
    }

    /** @return what is wrong, without the location */
    public String getProblem() {
        return problem;
    }
}
