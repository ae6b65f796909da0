package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.ColumnType;
import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.Serializable;
import java.util.List;

/**
 * One declared expectation, as read from an expectations file. Only the fields its
 * {@link ExpectationType} uses are set; the others are null.
 *
 * @param name a stable name for reports (given, or derived from type and column)
 * @param type what is expected
 * @param column the column it concerns (null for table-level kinds and {@code compare})
 * @param severity how much a failure matters
 * @param mostly the fraction of rows that must satisfy a row-level expectation (1.0 = all)
 * @param min the lower bound as written (a number, or a date for {@code date_range}); may be null
 * @param max the upper bound as written; may be null
 * @param minExclusive whether {@code min} of a {@code between} is exclusive
 * @param maxExclusive whether {@code max} of a {@code between} or {@code date_range} is exclusive
 * @param values the allowed values of {@code in_set}, or the names of {@code columns_match}
 * @param pattern the regular expression of {@code regex}
 * @param quantile the quantile of {@code quantile}, in [0, 1]
 * @param columnType the type of {@code type}
 * @param right the right-hand column of {@code compare} ({@code column} holds the left)
 * @param operator the operator of {@code compare}
 * @param declaredAt where it is declared, for error messages
 */
public record Expectation(String name, ExpectationType type, String column, Severity severity, double mostly,
        String min, String max, boolean minExclusive, boolean maxExclusive, List<String> values, String pattern, Double quantile,
        ColumnType columnType, String right, Operator operator, SourceLocation declaredAt) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** @return the columns it reads, in order (empty for table-level kinds) */
    public List<String> columns() {
        if (type == ExpectationType.COMPARE) {
            return List.of(column, right);
        }
        return column == null ? List.of() : List.of(column);
    }
}
