package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.Serializable;

/**
 * Why a validation could not be carried out (the {@code ERROR} verdict).
 *
 * @param location file, line and column of the problem
 * @param problem what was wrong and what was expected
 * @param message the full {@code file:line:column: problem} text
 */
public record ValidationError(SourceLocation location, String problem, String message) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * @param exception the exception
     * @return the same problem as a value
     */
    public static ValidationError of(InvalidInputException exception) {
        return new ValidationError(exception.getLocation(), exception.getProblem(), exception.getMessage());
    }
}
