package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.RowBlock;

/** A block of one row of texts, for feeding checks directly in tests. */
record OneRow(String[] cells, long rowNumber, long line) implements RowBlock {
    static OneRow of(String[] cells, long rowNumber, long line) {
        return new OneRow(cells, rowNumber, line);
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public long rowNumber(int row) {
        return rowNumber;
    }

    @Override
    public long line(int row) {
        return line;
    }

    @Override
    public boolean isNull(int row, int column) {
        return cells[column] == null;
    }

    @Override
    public String text(int row, int column) {
        return cells[column];
    }
}
