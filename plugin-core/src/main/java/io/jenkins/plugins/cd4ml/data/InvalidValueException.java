package io.jenkins.plugins.cd4ml.data;

/**
 * A cell whose text is not a value of the expected {@link ColumnType}. Cheap to throw (no stack
 * trace), because validation counts such cells rather than aborting on them.
 */
public final class InvalidValueException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a value was rejected. */
    public enum Problem {
        /** Not written as a value of the type at all. */
        MALFORMED,
        /** A number too large for the type. */
        OVERFLOW,
        /** NaN or an infinity, which are not numbers a dataset may hold. */
        NOT_FINITE
    }

    private final Problem problem;

    /**
     * @param problem why it was rejected
     * @param message what was found and what was expected
     */
    public InvalidValueException(Problem problem, String message) {
        super(message, null, false, false);
        this.problem = problem;
    }

    /** @return why the value was rejected */
    public Problem getProblem() {
        return problem;
    }
}
