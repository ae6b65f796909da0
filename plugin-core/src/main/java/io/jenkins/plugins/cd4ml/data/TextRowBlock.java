package io.jenkins.plugins.cd4ml.data;

/** A block of rows already decoded to text (JSON Lines, or any row-at-a-time reader). */
final class TextRowBlock implements RowBlock {
    private final String[][] cells;
    private final long[] lines;
    private final long firstRow;
    private final int size;

    TextRowBlock(String[][] cells, long[] lines, long firstRow, int size) {
        this.cells = cells;
        this.lines = lines;
        this.firstRow = firstRow;
        this.size = size;
    }

    /**
     * Reads up to {@code max} rows from a row-at-a-time reader.
     *
     * @return the block, or null when the table has no more rows
     */
    static TextRowBlock read(TableReader table, int max) throws io.jenkins.plugins.cd4ml.report.InvalidInputException {
        int width = table.columns().size();
        String[][] cells = new String[max][];
        long[] lines = new long[max];
        long first = 0;
        int size = 0;
        while (size < max && table.next()) {
            if (size == 0) {
                first = table.rowNumber();
            }
            String[] row = new String[width];
            for (int i = 0; i < width; i++) {
                row[i] = table.value(i);
            }
            cells[size] = row;
            lines[size] = table.line();
            size++;
        }
        return size == 0 ? null : new TextRowBlock(cells, lines, first, size);
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
        return cells[row][column] == null;
    }

    @Override
    public String text(int row, int column) {
        return cells[row][column];
    }
}
