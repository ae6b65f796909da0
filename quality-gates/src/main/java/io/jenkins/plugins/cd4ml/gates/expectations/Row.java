package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.FieldView;
import io.jenkins.plugins.cd4ml.data.InvalidValueException;
import io.jenkins.plugins.cd4ml.data.RowBlock;
import io.jenkins.plugins.cd4ml.data.Values;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.util.List;

/**
 * The current row seen by the checks, with each cell parsed at most once per row as a number or a
 * point in time, however many checks read it.
 *
 * <p>Parsing policy (documented in {@code docs/validation.md}): NaN, infinities and numbers that
 * overflow are never data a check can judge, so they stop the validation with a located error. Text
 * that is not a number (or date) at all is counted by the column's {@code type} expectation when
 * there is one, and skipped by the other checks; without a {@code type} expectation it also stops
 * the validation, since a numeric check on a text column cannot be evaluated.
 */
final class Row {
    /** Marks a cell that is null or was skipped. */
    static final double NO_NUMBER = Double.NaN;
    /** Marks a cell that is null or was skipped. */
    static final long NO_INSTANT = Long.MIN_VALUE;

    private final String source;
    private final List<String> names;
    private final boolean[] typed;
    private final String[] reasons;
    private final double[] numbers;
    private final long[] instants;
    private final String[] texts;
    private final FieldView[] views;
    private final CharSequence[] chars;
    private final int[] charsStamp;
    private final int[] numberStamp;
    private final int[] instantStamp;
    private final int[] textStamp;
    private int stamp;
    private RowBlock block;
    private int index;

    /**
     * @param source the dataset name for errors
     * @param names the column names
     * @param typed per column: whether a {@code type} expectation counts malformed values
     * @param reasons per column: which expectation needs it parsed, for error messages
     */
    Row(String source, List<String> names, boolean[] typed, String[] reasons) {
        this.source = source;
        this.names = names;
        this.typed = typed;
        this.reasons = reasons;
        int width = names.size();
        numbers = new double[width];
        instants = new long[width];
        texts = new String[width];
        views = new FieldView[width];
        chars = new CharSequence[width];
        charsStamp = new int[width];
        for (int i = 0; i < width; i++) {
            views[i] = new FieldView();
        }
        numberStamp = new int[width];
        instantStamp = new int[width];
        textStamp = new int[width];
    }

    /** @return a row with the same columns and policy but its own parse cache */
    Row copy() {
        return new Row(source, names, typed, reasons);
    }

    /**
     * Moves to a row of a block: cells are decoded or parsed lazily, at most once each.
     *
     * @param rows the block
     * @param row the row in the block
     */
    void set(RowBlock rows, int row) {
        block = rows;
        index = row;
        if (++stamp == 0) { // wrapped: forget every cached cell
            java.util.Arrays.fill(numberStamp, 0);
            java.util.Arrays.fill(instantStamp, 0);
            java.util.Arrays.fill(textStamp, 0);
            java.util.Arrays.fill(charsStamp, 0);
            stamp = 1;
        }
    }

    /** @return the cell's text, or null when it is empty */
    String text(int column) {
        if (textStamp[column] != stamp) {
            texts[column] = block.text(index, column);
            textStamp[column] = stamp;
        }
        return texts[column];
    }

    /**
     * The cell's characters, read in place where possible: valid until the next {@link #set}; use
     * {@link #text(int)} for anything kept longer.
     *
     * @param column the column
     * @return the characters, or null when the cell is empty
     */
    CharSequence chars(int column) {
        if (charsStamp[column] != stamp) {
            chars[column] = textStamp[column] == stamp ? texts[column] : block.chars(index, column, views[column]);
            charsStamp[column] = stamp;
        }
        return chars[column];
    }

    /** @return whether the cell is empty, without decoding it */
    boolean isNull(int column) {
        return textStamp[column] == stamp ? texts[column] == null : block.isNull(index, column);
    }

    /** @return the row's index in its block */
    int index() {
        return index;
    }

    long number() {
        return block.rowNumber(index);
    }

    long line() {
        return block.line(index);
    }

    /**
     * @param column the column
     * @return the cell as a number, or {@link #NO_NUMBER} when null or skipped
     * @throws InvalidInputException for NaN, infinities, overflow, and untyped non-numbers
     */
    double number(int column) throws InvalidInputException {
        if (numberStamp[column] == stamp) {
            return numbers[column];
        }
        double value = NO_NUMBER;
        if (!isNull(column)) {
            try {
                value = block.decimal(index, column);
            } catch (InvalidValueException e) {
                if (e.getProblem() != InvalidValueException.Problem.MALFORMED || !typed[column]) {
                    throw error(column, e, "a number");
                }
            }
        }
        numbers[column] = value;
        numberStamp[column] = stamp;
        return value;
    }

    /**
     * @param column the column
     * @return the cell as microseconds since the epoch (a date at midnight UTC), or
     *     {@link #NO_INSTANT} when null or skipped
     * @throws InvalidInputException for untyped cells that are no date or timestamp
     */
    long instant(int column) throws InvalidInputException {
        if (instantStamp[column] == stamp) {
            return instants[column];
        }
        CharSequence text = chars(column);
        long value = NO_INSTANT;
        if (text != null) {
            try {
                value = Values.parseInstantMicros(text);
            } catch (InvalidValueException e) {
                if (!typed[column]) {
                    throw error(column, e, "a date or timestamp");
                }
            }
        }
        instants[column] = value;
        instantStamp[column] = stamp;
        return value;
    }

    private InvalidInputException error(int column, InvalidValueException e, String expected) {
        String why = reasons[column] == null ? "" : " for " + reasons[column];
        return new InvalidInputException(new SourceLocation(source, line(), column + 1L),
                e.getMessage() + " in column '" + names.get(column) + "' (expected " + expected + why
                        + "; declare a 'type' expectation to count such values instead)");
    }
}
