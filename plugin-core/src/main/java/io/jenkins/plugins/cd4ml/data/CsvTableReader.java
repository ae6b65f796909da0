package io.jenkins.plugins.cd4ml.data;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** RFC 4180 CSV through FastCSV, strict about encoding, header and row shape. */
final class CsvTableReader implements TableReader {
    /** Largest single field accepted; a larger one is reported instead of exhausting memory. */
    static final int MAX_FIELD_CHARS = 16 * 1024 * 1024;

    private final String source;
    private final InputFiles.Opener opener;
    private final char delimiter;
    private final CsvReader<CsvRecord> reader;
    private final QuoteCountingReader quotes;
    private final Iterator<CsvRecord> records;
    private final List<String> columns;
    private CsvRecord current;
    private boolean crChecked;
    private long rowNumber;

    private CsvTableReader(String source, InputFiles.Opener opener, char delimiter, CsvReader<CsvRecord> reader,
            Iterator<CsvRecord> records, List<String> columns, QuoteCountingReader quotes) {
        this.quotes = quotes;
        this.source = source;
        this.opener = opener;
        this.delimiter = delimiter;
        this.reader = reader;
        this.records = records;
        this.columns = columns;
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
        InputStream in = skipUtf8Bom(source, opener.open());
        QuoteCountingReader quotes;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(format.delimiter())
                .quoteCharacter('"')
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .detectBomHeader(false)
                .maxBufferSize(MAX_FIELD_CHARS)
                .ofCsvRecord(quotes = new QuoteCountingReader(new InputStreamReader(in, decoder)));
        Iterator<CsvRecord> iterator = csv.iterator();
        CsvRecord header;
        try {
            header = nextRecord(source, iterator, 0);
        } catch (InvalidInputException e) {
            closeQuietly(csv);
            throw locate(source, opener, format.delimiter(), e);
        }
        if (header == null) {
            closeQuietly(csv);
            throw new InvalidInputException(SourceLocation.ofFile(source),
                    "the file is empty (expected a header line naming the columns)");
        }
        List<String> names = header.getFields();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isBlank()) {
                closeQuietly(csv);
                throw new InvalidInputException(new SourceLocation(source, header.getStartingLineNumber(), i + 1),
                        "empty column name in the header (expected a name for every column)");
            }
            Integer previous = seen.putIfAbsent(name, i);
            if (previous != null) {
                closeQuietly(csv);
                throw new InvalidInputException(new SourceLocation(source, header.getStartingLineNumber(), i + 1),
                        "duplicate column name '" + name + "' (also column " + (previous + 1)
                                + "; expected unique names)");
            }
        }
        return new CsvTableReader(source, opener, format.delimiter(), csv, iterator, List.copyOf(names), quotes);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() throws InvalidInputException {
        long previousLine = current == null ? 1 : current.getStartingLineNumber();
        CsvRecord record;
        try {
            record = nextRecord(source, records, previousLine);
        } catch (InvalidInputException e) {
            throw locate(source, opener, delimiter, e);
        }
        if (quotes.sawLoneCrInQuotes() && !crChecked) {
            crChecked = true;
            // FastCSV 4.1 drops or merges records around a lone CR inside quotes: find it, refuse it
            InvalidInputException located = locate(source, opener, delimiter, new InvalidInputException(
                    new SourceLocation(source, previousLine, 0), "unreadable quoted field"));
            if (located.getProblem().contains("carriage return without a line feed")) {
                throw located;
            }
        }
        if (record == null) {
            if (quotes.isOdd()) {
                // FastCSV accepts a quote left open at the end of the file; we do not
                throw locate(source, opener, delimiter, new InvalidInputException(
                        new SourceLocation(source, previousLine, 0), "unterminated quoted field (expected a closing \")"));
            }
            if (rowNumber == 0) {
                throw new InvalidInputException(SourceLocation.ofFile(source),
                        "the file has a header but no data rows (expected at least one row)");
            }
            current = null;
            return false;
        }
        if (record.getFieldCount() != columns.size()) {
            throw new InvalidInputException(
                    new SourceLocation(source, record.getStartingLineNumber(),
                            Math.min(record.getFieldCount(), columns.size()) + 1L),
                    "row has " + record.getFieldCount() + " fields (expected " + columns.size()
                            + " as in the header)");
        }
        current = record;
        rowNumber++;
        return true;
    }

    @Override
    public String value(int column) {
        String text = current.getField(column);
        return text.isEmpty() ? null : text;
    }

    @Override
    public long line() {
        return current == null ? 0 : current.getStartingLineNumber();
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static CsvRecord nextRecord(String source, Iterator<CsvRecord> iterator, long previousLine)
            throws InvalidInputException {
        try {
            return iterator.hasNext() ? iterator.next() : null;
        } catch (CsvParseException e) {
            throw new InvalidInputException(new SourceLocation(source, previousLine + 1, 0),
                    describe(e), e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidInputException(new SourceLocation(source, previousLine + 1, 0),
                        "bytes that are not valid UTF-8 (expected UTF-8 text)", e);
            }
            throw new InvalidInputException(SourceLocation.ofFile(source),
                    "cannot be read: " + e.getCause().getMessage(), e);
        }
    }

    /** Replaces FastCSV's approximate location by the one a second, diagnostic scan finds. */
    private static InvalidInputException locate(String source, InputFiles.Opener opener, char delimiter,
            InvalidInputException original) {
        if (original.getLocation().line() == 0) {
            return original;
        }
        try (InputStream again = skipUtf8Bom(source, opener.open())) {
            CsvDiagnostics.Finding finding = CsvDiagnostics.scan(source, again, delimiter, MAX_FIELD_CHARS);
            if (finding != null) {
                return new InvalidInputException(finding.location(), finding.problem(), original.getCause());
            }
        } catch (IOException | InvalidInputException e) {
            original.addSuppressed(e);
        }
        return original;
    }

    private static String describe(CsvParseException e) {
        String message = String.valueOf(e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && cause.getMessage().contains("buffer")) {
            return "a field longer than " + MAX_FIELD_CHARS + " characters (expected shorter fields;"
                    + " an unterminated quote often causes this)";
        }
        return "malformed CSV: " + message;
    }

    private static InputStream skipUtf8Bom(String source, InputStream raw) throws InvalidInputException {
        try {
            PushbackInputStream in = new PushbackInputStream(raw, 3);
            byte[] head = in.readNBytes(3);
            int b0 = head.length > 0 ? head[0] & 0xFF : -1;
            int b1 = head.length > 1 ? head[1] & 0xFF : -1;
            if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
                raw.close();
                throw new InvalidInputException(new SourceLocation(source, 1, 1),
                        "UTF-16 byte order mark (expected UTF-8 text)");
            }
            boolean utf8Bom = head.length == 3 && b0 == 0xEF && b1 == 0xBB && (head[2] & 0xFF) == 0xBF;
            if (!utf8Bom && head.length > 0) {
                in.unread(head);
            }
            return in;
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(source), "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Counts quote characters as FastCSV reads, to notice a quote still open at the end. */
    private static final class QuoteCountingReader extends java.io.FilterReader {
        private long count;
        private boolean crInQuotes;
        private boolean loneCrInQuotes;

        QuoteCountingReader(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                track(buffer[i]);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                track((char) c);
            }
            return c;
        }

        private void track(char c) {
            if (crInQuotes && c != '\n') {
                loneCrInQuotes = true;
            }
            crInQuotes = c == '\r' && isOdd();
            if (c == '"') {
                count++;
            }
        }

        /** @return whether a CR without LF appeared inside quotes, which FastCSV 4.1 misreads */
        boolean sawLoneCrInQuotes() {
            return loneCrInQuotes;
        }

        boolean isOdd() {
            return (count & 1) == 1;
        }
    }

    private static void closeQuietly(CsvReader<?> reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // the original problem is more useful than a failure to close
        }
    }
}
