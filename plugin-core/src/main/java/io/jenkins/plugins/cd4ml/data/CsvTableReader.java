package io.jenkins.plugins.cd4ml.data;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * RFC 4180 CSV, strict about encoding, header and row shape, one row at a time over the blocks of
 * a {@link CsvBlockReader} (or block by block through {@link #nextBlock()}).
 */
final class CsvTableReader implements TableReader {
    /** Largest single field accepted; a larger one is reported instead of exhausting memory. */
    static final int MAX_FIELD_CHARS = CsvBlockReader.MAX_FIELD_CHARS;

    private final String source;
    private final CsvBlockReader reader;
    private CsvRowBlock block;
    private int index;
    private boolean started;
    private long rowsBefore;

    private CsvTableReader(String source, CsvBlockReader reader) {
        this.source = source;
        this.reader = reader;
    }

    static CsvTableReader open(Path file, TableFormat format) throws InvalidInputException {
        return open(file.toString(), () -> InputFiles.open(file), format);
    }

    /**
     * Opens CSV from any byte source (tests stream generated input through this).
     *
     * @param source the name used in error messages
     * @param opener opens the bytes from the start; called again on the error path to locate problems
     * @param format the delimiter
     */
    static CsvTableReader open(String source, InputFiles.Opener opener, TableFormat format)
            throws InvalidInputException {
        return new CsvTableReader(source, CsvBlockReader.open(source, opener, format));
    }

    /** With blocks of about {@code blockBytes}, for tests of rows that cross block boundaries. */
    static CsvTableReader open(String source, InputFiles.Opener opener, TableFormat format, int blockBytes)
            throws InvalidInputException {
        return new CsvTableReader(source, CsvBlockReader.open(source, opener, format, blockBytes));
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<String> columns() {
        return reader.columns();
    }

    @Override
    public boolean next() throws InvalidInputException {
        started = true;
        if (block != null && index + 1 < block.size()) {
            index++;
            return true;
        }
        advance();
        index = 0;
        return block != null;
    }

    @Override
    public RowBlock nextBlock() throws InvalidInputException {
        if (started && block != null && index + 1 < block.size()) {
            throw new IllegalStateException("nextBlock() after next() in the middle of a block");
        }
        started = true;
        advance();
        index = block == null ? 0 : block.size() - 1;
        return block;
    }

    private void advance() throws InvalidInputException {
        if (block != null) {
            rowsBefore = block.rowNumber(block.size() - 1);
        }
        block = reader.next();
    }

    @Override
    public String value(int column) {
        return block.text(index, column);
    }

    @Override
    public boolean isNull(int column) {
        return block.isNull(index, column);
    }

    @Override
    public double decimal(int column) throws InvalidValueException {
        return block.decimal(index, column);
    }

    @Override
    public long line() {
        return block == null ? 0 : block.line(index);
    }

    @Override
    public long rowNumber() {
        return block == null ? rowsBefore : block.rowNumber(index);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
