package io.jenkins.plugins.cd4ml.data;

import java.nio.charset.StandardCharsets;

/**
 * CSV rows as the file's UTF-8 bytes plus where each field starts and ends: numbers are parsed
 * straight from the bytes and text is decoded only for the cells a check reads as text.
 */
final class CsvRowBlock implements RowBlock {
    private final byte[] bytes;
    private final int width;
    private final int[] starts;
    private final int[] ends;
    /** Per field: whether it was quoted with doubled quotes inside, which text must undo. */
    private final boolean[] escaped;
    private final long[] lines;
    private final long firstRow;
    private final int size;
    private final boolean ascii;

    CsvRowBlock(byte[] bytes, int width, int[] starts, int[] ends, boolean[] escaped, long[] lines, long firstRow,
            int size, boolean ascii) {
        this.ascii = ascii;
        this.bytes = bytes;
        this.width = width;
        this.starts = starts;
        this.ends = ends;
        this.escaped = escaped;
        this.lines = lines;
        this.firstRow = firstRow;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long rowNumber(int row) {
        return firstRow + row;
    }

    @Override
    public long line(int row) {
        return lines[row];
    }

    @Override
    public boolean isNull(int row, int column) {
        int field = row * width + column;
        return starts[field] == ends[field];
    }

    @Override
    public String text(int row, int column) {
        int field = row * width + column;
        int start = starts[field];
        int end = ends[field];
        if (start == end) {
            return null;
        }
        String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        return escaped[field] ? text.replace("\"\"", "\"") : text;
    }

    @Override
    public CharSequence chars(int row, int column, FieldView view) {
        int field = row * width + column;
        if (!ascii || escaped[field]) {
            return text(row, column);
        }
        int start = starts[field];
        int end = ends[field];
        return start == end ? null : view.point(bytes, start, end);
    }

    @Override
    public double decimal(int row, int column) throws InvalidValueException {
        int field = row * width + column;
        if (escaped[field]) {
            return Values.parseDecimal(text(row, column));
        }
        return Values.parseDecimal(bytes, starts[field], ends[field]);
    }
}
