package io.jenkins.plugins.cd4ml.gates.expectations;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.jenkins.plugins.cd4ml.data.ColumnType;
import io.jenkins.plugins.cd4ml.data.InvalidValueException;
import io.jenkins.plugins.cd4ml.data.TableFormat;
import io.jenkins.plugins.cd4ml.data.TableReader;
import io.jenkins.plugins.cd4ml.data.TypeInference;
import io.jenkins.plugins.cd4ml.data.Values;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Writes a starting expectations file from one pass over a dataset, in the spirit of Deequ's
 * constraint suggestions: each column's inferred type; not-null when it has no nulls (else a
 * warning-level not-null with the observed completeness); the observed range of numbers and dates;
 * the allowed set of low-cardinality text columns; uniqueness for id-like columns whose values were
 * all distinct. Users review and tighten the result.
 */
public final class ExpectationSuggester {
    /** Text columns with at most this many distinct values get an {@code in_set} suggestion. */
    static final int MAX_CATEGORIES = 20;
    /** Distinct values tracked per column for uniqueness before giving the suggestion up. */
    static final int MAX_TRACKED_DISTINCT = 2_000_000;

    private ExpectationSuggester() {
    }

    /**
     * @param dataset the data file
     * @param delimiter the CSV delimiter, or null to choose by file name
     * @return the YAML text of an expectations file
     * @throws InvalidInputException when the dataset cannot be read
     */
    public static String suggest(Path dataset, Character delimiter) throws InvalidInputException {
        TableFormat format = TableFormat.detect(dataset);
        if (delimiter != null) {
            format = format.withDelimiter(delimiter);
        }
        try (TableReader table = TableReader.open(dataset, format)) {
            List<String> names = table.columns();
            ColumnSummary[] columns = new ColumnSummary[names.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = new ColumnSummary();
            }
            while (table.next()) {
                for (int i = 0; i < columns.length; i++) {
                    columns[i].accept(table.value(i));
                }
            }
            return render(table.source(), names, columns, table.rowNumber());
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(dataset.toString()), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String render(String source, List<String> names, ColumnSummary[] columns, long rows) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# Suggested by 'cd4ml validate --suggest' from ").append(source).append(" (").append(rows)
                .append(" rows).\n# Review every bound before relying on it: they are what this sample showed.\n");
        yaml.append("version: 1\nexpectations:\n");
        yaml.append("  - type: row_count\n    min: 1\n");
        for (int i = 0; i < columns.length; i++) {
            columns[i].render(quote(names.get(i)), rows, yaml);
        }
        return yaml.toString();
    }

    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** What one pass learns about a column. */
    private static final class ColumnSummary {
        private final TypeInference inference = new TypeInference();
        private long nulls;
        private long values;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private String minText;
        private String maxText;
        private long minInstant = Long.MAX_VALUE;
        private long maxInstant = Long.MIN_VALUE;
        private TreeSet<String> categories = new TreeSet<>();
        private LongHashSet distinct = new LongHashSet();
        private boolean allDistinct = true;

        void accept(String text) {
            if (text == null) {
                nulls++;
                return;
            }
            values++;
            inference.accept(text);
            try {
                double number = Values.parseDecimal(text);
                if (number < min) {
                    min = number;
                    minText = text;
                }
                if (number > max) {
                    max = number;
                    maxText = text;
                }
            } catch (InvalidValueException notANumber) {
                // only numeric columns get a range
            }
            try {
                long instant = Values.parseInstantMicros(text);
                minInstant = Math.min(minInstant, instant);
                maxInstant = Math.max(maxInstant, instant);
            } catch (InvalidValueException notADate) {
                // only temporal columns get a date range
            }
            if (categories != null) {
                categories.add(text);
                if (categories.size() > MAX_CATEGORIES) {
                    categories = null;
                }
            }
            if (distinct != null) {
                allDistinct &= distinct.add(UniqueCheck.key(text));
                if (!allDistinct || distinct.size() > MAX_TRACKED_DISTINCT) {
                    distinct = null;
                }
            }
        }

        void render(String name, long rows, StringBuilder yaml) {
            ColumnType type = inference.type();
            yaml.append("  - type: column_exists\n    column: ").append(name).append('\n');
            if (values > 0 && type != ColumnType.STRING) {
                yaml.append("  - type: type\n    column: ").append(name).append("\n    column_type: ")
                        .append(type.id()).append('\n');
            }
            if (nulls == 0) {
                yaml.append("  - type: not_null\n    column: ").append(name).append('\n');
            } else if (values > 0) {
                double completeness = Math.floor(100.0 * values / rows) / 100.0;
                if (completeness > 0) {
                    yaml.append("  - type: not_null\n    column: ").append(name).append("\n    mostly: ")
                            .append(Values.formatNumber(completeness)).append("\n    severity: warning\n");
                }
            }
            if (values == 0) {
                return;
            }
            if (type.isNumeric()) {
                yaml.append("  - type: between\n    column: ").append(name).append("\n    min: ").append(number(minText, min))
                        .append("\n    max: ").append(number(maxText, max)).append('\n');
            } else if (type.isTemporal()) {
                String from = type == ColumnType.DATE ? Values.formatDate(Math.floorDiv(minInstant, 86_400_000_000L))
                        : Values.formatTimestamp(minInstant);
                String to = type == ColumnType.DATE ? Values.formatDate(Math.floorDiv(maxInstant, 86_400_000_000L))
                        : Values.formatTimestamp(maxInstant);
                yaml.append("  - type: date_range\n    column: ").append(name).append("\n    min: \"").append(from)
                        .append("\"\n    max: \"").append(to).append("\"\n");
            }
            boolean idLike = allDistinct && distinct != null && values >= 2 && nulls == 0
                    && (type == ColumnType.INTEGER || type == ColumnType.STRING);
            if (idLike) {
                yaml.append("  - type: unique\n    column: ").append(name).append('\n');
            } else if (categories != null && (type == ColumnType.STRING || type == ColumnType.BOOLEAN
                    || type == ColumnType.INTEGER && categories.size() <= 5)) {
                yaml.append("  - type: in_set\n    column: ").append(name).append("\n    values: [");
                String separator = "";
                for (String category : categories) {
                    yaml.append(separator).append(quote(category));
                    separator = ", ";
                }
                yaml.append("]\n");
            }
        }

        private static String number(String text, double value) {
            // the value exactly as the data wrote it, normalised to a YAML number
            String normalised = Values.formatNumber(value);
            return text.toLowerCase(Locale.ROOT).contains("e") ? normalised : text.startsWith("+") ? text.substring(1) : text;
        }
    }
}
