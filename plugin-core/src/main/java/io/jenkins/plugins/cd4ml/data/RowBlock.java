package io.jenkins.plugins.cd4ml.data;

/**
 * Consecutive data rows of a table, handed over together so that a consumer on another thread can
 * read them without one {@code String} per cell: CSV blocks keep the file's bytes and decode a cell
 * only when asked for its text ({@link TableReader#nextBlock()}).
 *
 * <p>Rows are addressed 0 to {@link #size()} - 1 inside the block; {@link #rowNumber(int)} gives the
 * number in the table. A cell is null when it is empty, as in {@link TableReader#value(int)}.
 */
public interface RowBlock {
    /** @return the number of rows in the block (at least one) */
    int size();

    /**
     * @param row the row in the block
     * @return the 1-based data row number in the table (the header is not counted)
     */
    long rowNumber(int row);

    /**
     * @param row the row in the block
     * @return the 1-based line of the file on which the row starts
     */
    long line(int row);

    /**
     * @param row the row in the block
     * @param column the 0-based column
     * @return whether the cell is empty (a null)
     */
    boolean isNull(int row, int column);

    /**
     * @param row the row in the block
     * @param column the 0-based column
     * @return the cell's text, or {@code null} when it is empty
     */
    String text(int row, int column);

    /**
     * The cell's characters without making a {@code String} where the block can avoid it: an ASCII
     * cell of a CSV block is read in place through {@code view}, which is re-pointed and returned.
     * The result is valid until {@code view} is used again; keep {@link #text(int, int)} instead.
     *
     * @param row the row in the block
     * @param column the 0-based column
     * @param view a reusable view
     * @return the characters, or {@code null} when the cell is empty
     */
    default CharSequence chars(int row, int column, FieldView view) {
        return text(row, column);
    }

    /**
     * Parses a non-null cell as {@link Values#parseDecimal(String)} does, from the bytes where the
     * block has them.
     *
     * @param row the row in the block
     * @param column the 0-based column
     * @return the value
     * @throws InvalidValueException when the cell is not a finite decimal number
     */
    default double decimal(int row, int column) throws InvalidValueException {
        return Values.parseDecimal(text(row, column));
    }
}
