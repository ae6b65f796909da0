package io.jenkins.plugins.cd4ml.data;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a table one row at a time, so memory does not grow with the number of rows.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (TableReader table = TableReader.open(path, TableFormat.detect(path))) {
 *     int age = table.requireColumn("age");
 *     while (table.next()) {
 *         String value = table.value(age); // null for an empty cell
 *     }
 * }
 * }</pre>
 * Every problem with the file is an {@link InvalidInputException} naming file, line and column.
 */
public interface TableReader extends Closeable {
    /**
     * Opens a table in the given format.
     *
     * @param file the file to read (gzip when its name ends in {@code .gz})
     * @param format how the file is written
     * @return a reader positioned before the first row
     * @throws InvalidInputException when the file is missing, empty or its header is malformed
     */
    static TableReader open(Path file, TableFormat format) throws InvalidInputException {
        return switch (format.kind()) {
            case CSV -> CsvTableReader.open(file, format);
            case JSON_LINES -> JsonLinesTableReader.open(file);
        };
    }

    /**
     * Opens a table, choosing the format from the file name.
     *
     * @param file the file to read
     * @return a reader positioned before the first row
     * @throws InvalidInputException when the file is missing, empty or its header is malformed
     */
    static TableReader open(Path file) throws InvalidInputException {
        return open(file, TableFormat.detect(file));
    }

    /** @return the file name as reported in errors */
    String source();

    /** @return the column names, in file order */
    List<String> columns();

    /**
     * Returns the position of a column, or fails with a precise error naming the columns present.
     *
     * @param name the column name
     * @return the 0-based position
     * @throws InvalidInputException when there is no such column
     */
    default int requireColumn(String name) throws InvalidInputException {
        int index = columns().indexOf(name);
        if (index < 0) {
            throw new InvalidInputException(new SourceLocation(source(), 1, 0),
                    "missing column '" + name + "' (expected one of " + columns() + ")");
        }
        return index;
    }

    /**
     * Advances to the next row.
     *
     * @return {@code false} at the end of the table
     * @throws InvalidInputException for a malformed row, or when the table has no data row at all
     */
    boolean next() throws InvalidInputException;

    /**
     * The text of a cell of the current row.
     *
     * @param column the 0-based column position
     * @return the cell's text, or {@code null} when the cell is empty (a null)
     */
    String value(int column);

    /**
     * Whether a cell of the current row is empty, without decoding its text.
     *
     * @param column the 0-based column position
     * @return {@code true} for a null cell
     */
    default boolean isNull(int column) {
        return value(column) == null;
    }

    /**
     * A non-null cell of the current row as a decimal number, parsed as
     * {@link Values#parseDecimal(String)} does (CSV parses it straight from the file's bytes).
     *
     * @param column the 0-based column position
     * @return the value
     * @throws InvalidValueException when the cell is not a finite decimal number
     */
    default double decimal(int column) throws InvalidValueException {
        return Values.parseDecimal(value(column));
    }

    /**
     * Reads the next rows together, for consumers that hand rows to other threads. Use either this
     * or {@link #next()} on one reader, not both.
     *
     * @return the next block of rows, or {@code null} after the last row
     * @throws InvalidInputException for a malformed row, or when the table has no data row at all
     */
    default RowBlock nextBlock() throws InvalidInputException {
        return TextRowBlock.read(this, 512);
    }

    /** @return the 1-based line on which the current row starts */
    long line();

    /** @return the 1-based number of the current data row (the header is not counted) */
    long rowNumber();

    /**
     * A location inside the current row, for error messages.
     *
     * @param column the 0-based column position
     * @return the file, line and 1-based column
     */
    default SourceLocation locate(int column) {
        return new SourceLocation(source(), line(), column + 1L);
    }

    @Override
    void close() throws IOException;
}
