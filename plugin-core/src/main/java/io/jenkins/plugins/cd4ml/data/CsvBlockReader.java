package io.jenkins.plugins.cd4ml.data;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RFC 4180 CSV straight from its bytes into {@link CsvRowBlock}s: one scan finds the fields
 * of each row and no text is decoded until someone asks for it. Each block owns its bytes, so it can
 * be handed to another thread while the next one is read.
 *
 * <p>Dialect (as FastCSV reads it; FastCSV decoded every field to a {@code String}, which cost most
 * of a validation's time): fields separated by the
 * delimiter; a field that starts with a quote runs to the matching quote, with {@code ""} for a
 * quote inside and line breaks allowed; a quote elsewhere is an ordinary character; LF, CRLF and a
 * lone CR end a record; lines with no characters at all are skipped. The text must be UTF-8 (a
 * UTF-8 byte order mark is skipped). Every departure is an {@link InvalidInputException} located by
 * a second, diagnostic scan ({@link CsvDiagnostics}) that names the line and field.
 */
final class CsvBlockReader implements Closeable {
    /** Largest single field accepted; a larger one is reported instead of exhausting memory. */
    static final int MAX_FIELD_CHARS = 16 * 1024 * 1024;
    /** Bytes read per block: under G1's humongous-object size for small heaps. */
    static final int BLOCK_BYTES = 1 << 17;
    /** Largest row held while looking for its end (a field that long is certainly too long). */
    private static final int MAX_ROW_BYTES = 4 * MAX_FIELD_CHARS + (1 << 20);
    private static final int NEED_MORE = -1;
    private static final long LINE_FEEDS = ByteWords.broadcast('\n');
    private static final long CARRIAGE_RETURNS = ByteWords.broadcast('\r');

    private final String source;
    private final InputFiles.Opener opener;
    private final byte delimiter;
    /** The delimiter in every byte of a word. */
    private final long delimiterWord;
    private final InputStream in;
    private final int blockBytes;
    private final List<String> columns;
    private final int width;
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean eof;
    private long line = 1;
    private long rows;
    private int expectedRows = 256;
    /** Where {@link #carry} starts, counted in bytes of {@link #in} from its first byte. */
    private long offset;
    /** No record starting at or after this stream position is read (the next part reads it). */
    private long stopAt = Long.MAX_VALUE;
    private boolean stopped;
    /**
     * Whether each block is done with before the next is read, so its arrays are reused: a block
     * handed to no other thread need not cost a third of a megabyte of fresh memory.
     */
    private boolean recycle;
    private byte[] spareBytes;
    private int[] spareStarts;
    private int[] spareEnds;
    private boolean[] spareEscaped;
    private long[] spareLines;
    /** Whether a file without data rows is an error: not for one part of a file. */
    private boolean wholeFile = true;

    // the fields of the record being parsed, written where the caller points: the header's own
    // growable arrays, or straight into the block's arrays at the row's offset (no copy per row)
    private int fieldCount;
    private int[] fieldStarts = new int[64];
    private int[] fieldEnds = new int[64];
    private boolean[] fieldEscaped = new boolean[64];
    private int fieldBase;
    private boolean recordHasLongField;
    private int recordBreaks;
    private boolean recordIsEmptyLine;

    private CsvBlockReader(String source, InputFiles.Opener opener, char delimiter, InputStream in, int blockBytes)
            throws InvalidInputException {
        this.blockBytes = blockBytes;
        this.source = source;
        this.opener = opener;
        this.delimiter = (byte) delimiter;
        this.delimiterWord = ByteWords.broadcast(delimiter);
        this.in = in;
        this.columns = readHeader();
        this.width = columns.size();
    }

    /** A reader of one part of a file, starting at a record boundary: no header, no diagnostic re-scan. */
    private CsvBlockReader(String source, char delimiter, InputStream in, List<String> columns, long stopAt,
            int blockBytes) {
        this.blockBytes = blockBytes;
        this.source = source;
        this.opener = null;
        this.delimiter = (byte) delimiter;
        this.delimiterWord = ByteWords.broadcast(delimiter);
        this.in = in;
        this.wholeFile = false;
        this.columns = columns;
        this.width = columns.size();
        this.stopAt = stopAt;
    }

    /**
     * Opens a CSV file and reads its header.
     *
     * @param source the name used in error messages
     * @param opener opens the bytes from the start; called again on the error path to locate problems
     * @param format the delimiter
     * @return the reader, positioned before the first data row
     * @throws InvalidInputException when the file is empty or its header is malformed
     */
    static CsvBlockReader open(String source, InputFiles.Opener opener, TableFormat format)
            throws InvalidInputException {
        return open(source, opener, format, BLOCK_BYTES);
    }

    /** As {@link #open(String, InputFiles.Opener, TableFormat)}, with tiny blocks in tests of the boundaries. */
    static CsvBlockReader open(String source, InputFiles.Opener opener, TableFormat format, int blockBytes)
            throws InvalidInputException {
        if (format.delimiter() > 0x7F || format.delimiter() == '"' || format.delimiter() == '\n'
                || format.delimiter() == '\r') {
            throw new InvalidInputException(SourceLocation.ofFile(source),
                    "delimiter '" + format.delimiter() + "' cannot be used (expected an ASCII character other than"
                            + " a quote or a line break)");
        }
        InputStream in = skipUtf8Bom(source, opener.open());
        try {
            return new CsvBlockReader(source, opener, format.delimiter(), in, blockBytes);
        } catch (InvalidInputException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /**
     * Opens a part of a CSV file that starts at a record boundary, after the header.
     *
     * @param source the name used in error messages (lines are counted from the part's start)
     * @param in the bytes from the part's first record on
     * @param format the delimiter
     * @param columns the header's column names
     * @param stopAt the stream position at or after which no record is started
     * @param blockBytes bytes read per block
     * @return the reader
     */
    static CsvBlockReader openPart(String source, InputStream in, TableFormat format, List<String> columns,
            long stopAt, int blockBytes) {
        return new CsvBlockReader(source, format.delimiter(), in, columns, stopAt, blockBytes);
    }

    /**
     * Makes this reader the first part of a file: rows end at the first record that starts at or
     * after a stream position, and having no rows is not an error (later parts may have them).
     *
     * @param position counted in bytes of the stream, after any byte order mark
     */
    void stopAt(long position) {
        stopAt = position;
        wholeFile = false;
    }

    /**
     * @return after the last block, the stream position where reading stopped: the start of the
     *     first record not read, or the end of the stream
     */
    long position() {
        return offset;
    }

    /** From now on, the arrays of each block are reused by the next: a block is valid until {@link #next()}. */
    void recycleBlocks() {
        recycle = true;
    }

    /** @return the column names, in file order */
    List<String> columns() {
        return columns;
    }

    /**
     * Reads the next rows.
     *
     * @return the block, or {@code null} after the last row
     * @throws InvalidInputException for a malformed row, or when the file has a header but no rows
     */
    CsvRowBlock next() throws InvalidInputException {
        if (stopped) {
            return null;
        }
        CsvRowBlock block = readBlock();
        if (block == null && rows == 0 && wholeFile) {
            throw new InvalidInputException(SourceLocation.ofFile(source),
                    "the file has a header but no data rows (expected at least one row)");
        }
        return block;
    }

    private List<String> readHeader() throws InvalidInputException {
        byte[] buffer = fill(blockBytes);
        int limit = carryLength;
        int p = 0;
        while (true) {
            if (p >= limit) {
                if (eof) {
                    throw new InvalidInputException(SourceLocation.ofFile(source),
                            "the file is empty (expected a header line naming the columns)");
                }
                buffer = growAndFill(buffer, p, limit);
                limit = carryLength;
                p = 0;
                continue;
            }
            fieldBase = 0;
            int end = parseRecord(buffer, p, limit, Integer.MAX_VALUE);
            if (end == NEED_MORE) {
                buffer = growAndFill(buffer, p, limit);
                limit = carryLength;
                p = 0;
                continue;
            }
            long headerLine = line;
            line += recordBreaks;
            if (recordIsEmptyLine) {
                p = end;
                continue;
            }
            requireUtf8(buffer, p, end, headerLine);
            List<String> names = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < fieldCount; i++) {
                String name = decode(buffer, fieldStarts[i], fieldEnds[i], fieldEscaped[i]);
                requireShort(name, headerLine);
                if (name.isBlank()) {
                    throw new InvalidInputException(new SourceLocation(source, headerLine, i + 1),
                            "empty column name in the header (expected a name for every column)");
                }
                Integer previous = seen.putIfAbsent(name, i);
                if (previous != null) {
                    throw new InvalidInputException(new SourceLocation(source, headerLine, i + 1),
                            "duplicate column name '" + name + "' (also column " + (previous + 1)
                                    + "; expected unique names)");
                }
                names.add(name);
            }
            keep(buffer, end, limit);
            return List.copyOf(names);
        }
    }

    private CsvRowBlock readBlock() throws InvalidInputException {
        byte[] buffer = fill(blockBytes);
        int limit = carryLength;
        int capacity = expectedRows;
        boolean reuse = spareLines != null && spareLines.length >= capacity;
        if (reuse) {
            capacity = spareLines.length; // the spare arrays were grown together
        }
        int[] starts = reuse ? spareStarts : new int[capacity * width];
        int[] ends = reuse ? spareEnds : new int[capacity * width];
        boolean[] escaped = reuse ? spareEscaped : new boolean[capacity * width];
        long[] lines = reuse ? spareLines : new long[capacity];
        int size = 0;
        int p = 0;
        while (true) {
            if (offset + p >= stopAt) {
                stopped = true;
                break;
            }
            if (p >= limit) {
                if (eof || size > 0) {
                    break;
                }
                buffer = growAndFill(buffer, p, limit);
                limit = carryLength;
                p = 0;
                continue;
            }
            if (size == capacity) {
                capacity *= 2;
                starts = Arrays.copyOf(starts, capacity * width);
                ends = Arrays.copyOf(ends, capacity * width);
                escaped = Arrays.copyOf(escaped, capacity * width);
                lines = Arrays.copyOf(lines, capacity);
            }
            fieldStarts = starts;
            fieldEnds = ends;
            fieldEscaped = escaped;
            fieldBase = size * width;
            int end = parseRecord(buffer, p, limit, width);
            if (end == NEED_MORE) {
                if (size > 0) {
                    break;
                }
                buffer = growAndFill(buffer, p, limit);
                limit = carryLength;
                p = 0;
                continue;
            }
            long recordLine = line;
            line += recordBreaks;
            if (recordIsEmptyLine) {
                p = end;
                continue;
            }
            if (fieldCount != width) {
                throw new InvalidInputException(new SourceLocation(source, recordLine, Math.min(fieldCount, width) + 1L),
                        "row has " + fieldCount + " fields (expected " + width + " as in the header)");
            }
            if (recordHasLongField) {
                int base = size * width;
                for (int i = base; i < base + width; i++) {
                    if (ends[i] - starts[i] > MAX_FIELD_CHARS) {
                        requireShort(decode(buffer, starts[i], ends[i], false), recordLine);
                    }
                }
            }
            lines[size++] = recordLine;
            p = end;
        }
        keep(buffer, p, limit);
        if (size == 0) {
            return null;
        }
        boolean ascii = requireUtf8(buffer, p, starts, lines, size);
        expectedRows = Math.max(16, size + size / 4);
        if (recycle) {
            spareBytes = buffer;
            spareStarts = starts;
            spareEnds = ends;
            spareEscaped = escaped;
            spareLines = lines;
        }
        CsvRowBlock block = new CsvRowBlock(buffer, width, starts, ends, escaped, lines, rows + 1, size, ascii);
        rows += size;
        return block;
    }

    /**
     * Finds the fields of the record starting at {@code p}.
     *
     * @param keep how many fields to remember (the rest are only counted)
     * @return the position after the record's line break, or {@link #NEED_MORE} when the buffer
     *     ends before the record does
     */
    private int parseRecord(byte[] b, int p, int limit, int keep) throws InvalidInputException {
        byte delim = delimiter;
        recordHasLongField = false;
        int count = 0;
        int breaks = 0;
        int recordStart = p;
        while (true) {
            int start;
            int end;
            boolean escapes = false;
            if (p < limit && b[p] == '"') {
                int q = p + 1;
                start = q;
                while (true) {
                    while (q < limit && b[q] != '"') {
                        byte c = b[q];
                        if (c == '\r' || c == '\n' && b[q - 1] != '\r') {
                            breaks++;
                        }
                        q++;
                    }
                    if (q >= limit) {
                        if (eof) {
                            throw problem(line, "unterminated quoted field (expected a closing \")");
                        }
                        return NEED_MORE;
                    }
                    if (q + 1 < limit) {
                        if (b[q + 1] == '"') {
                            escapes = true;
                            q += 2;
                            continue;
                        }
                    } else if (!eof) {
                        return NEED_MORE;
                    }
                    end = q;
                    p = q + 1;
                    break;
                }
                if (p < limit && b[p] != delim && b[p] != '\n' && b[p] != '\r') {
                    throw problem(line + breaks, "a character after the closing quote (expected the delimiter or"
                            + " the end of the line)");
                }
            } else {
                start = p;
                p = unquotedEnd(b, p, limit, delim);
                end = p;
                if (p >= limit && !eof) {
                    return NEED_MORE;
                }
            }
            if (count < keep) {
                remember(count, start, end, escapes);
            }
            count++;
            if (p >= limit) { // the end of the file ends the record
                break;
            }
            byte c = b[p];
            if (c == delim) {
                p++;
                continue;
            }
            if (c == '\r') {
                if (p + 1 < limit) {
                    p += b[p + 1] == '\n' ? 2 : 1;
                } else if (!eof) {
                    return NEED_MORE;
                } else {
                    p++;
                }
            } else {
                p++;
            }
            breaks++;
            break;
        }
        fieldCount = count;
        recordBreaks = breaks;
        recordIsEmptyLine = count == 1 && fieldEnds[fieldBase] == recordStart && b[recordStart] != '"';
        return p;
    }

    /**
     * @return the position of the first delimiter, LF or CR from {@code p}, or {@code limit}; eight
     *     bytes at a time (a field is a few words at most, and the byte loop was a third of reading)
     */
    private int unquotedEnd(byte[] b, int p, int limit, byte delim) {
        long delimiters = delimiterWord;
        while (p + Long.BYTES <= limit) {
            long word = ByteWords.word(b, p);
            long found = ByteWords.zeroBytes(word ^ delimiters) | ByteWords.zeroBytes(word ^ LINE_FEEDS)
                    | ByteWords.zeroBytes(word ^ CARRIAGE_RETURNS);
            if (found != 0) { // the lowest mark of each kind is exact, so the lowest of all is too
                return p + ByteWords.lowestMarked(found);
            }
            p += Long.BYTES;
        }
        while (p < limit) {
            byte c = b[p];
            if (c == delim || c == '\n' || c == '\r') {
                return p;
            }
            p++;
        }
        return p;
    }

    private void remember(int field, int start, int end, boolean escapes) {
        int at = fieldBase + field;
        if (at == fieldStarts.length) { // only the header's arrays grow here; a block has room for its row
            fieldStarts = Arrays.copyOf(fieldStarts, at * 2);
            fieldEnds = Arrays.copyOf(fieldEnds, at * 2);
            fieldEscaped = Arrays.copyOf(fieldEscaped, at * 2);
        }
        fieldStarts[at] = start;
        fieldEnds[at] = end;
        fieldEscaped[at] = escapes;
        recordHasLongField |= end - start > MAX_FIELD_CHARS;
    }

    /** @return a fresh buffer holding the carried-over bytes followed by as many new ones as fit */
    private byte[] fill(int size) throws InvalidInputException {
        int needed = Math.max(size, carryLength + blockBytes / 2 + 1);
        byte[] buffer = spareBytes != null && spareBytes.length >= needed && spareBytes != carry ? spareBytes
                : new byte[needed];
        System.arraycopy(carry, 0, buffer, 0, carryLength);
        int length = carryLength;
        if (!eof) {
            try {
                int read = in.readNBytes(buffer, length, buffer.length - length);
                length += read;
                eof = length < buffer.length;
            } catch (IOException e) {
                throw new InvalidInputException(SourceLocation.ofFile(source), "cannot be read: " + e.getMessage(), e);
            }
        }
        carry = buffer;
        carryLength = length;
        return buffer;
    }

    /** The record from {@code from} did not fit: read more, in a larger buffer when needed. */
    private byte[] growAndFill(byte[] buffer, int from, int limit) throws InvalidInputException {
        int pending = limit - from;
        if (pending >= MAX_ROW_BYTES) {
            throw problem(line, "a row longer than " + MAX_ROW_BYTES + " bytes (expected shorter fields;"
                    + " an unterminated quote often causes this)");
        }
        keep(buffer, from, limit);
        return fill(pending < buffer.length / 2 ? buffer.length : Math.min(MAX_ROW_BYTES, buffer.length * 2));
    }

    /** Carries the bytes after the last complete record over to the next buffer. */
    private void keep(byte[] buffer, int from, int limit) {
        offset += from;
        int pending = limit - from;
        byte[] next = new byte[pending];
        System.arraycopy(buffer, from, next, 0, pending);
        carry = next;
        carryLength = pending;
    }

    private void requireShort(String field, long atLine) throws InvalidInputException {
        if (field.length() > MAX_FIELD_CHARS) {
            throw problem(atLine, "a field longer than " + MAX_FIELD_CHARS + " characters (expected shorter fields;"
                    + " an unterminated quote often causes this)");
        }
    }

    private void requireUtf8(byte[] bytes, int from, int to, long atLine) throws InvalidInputException {
        if (Utf8.firstInvalid(bytes, from, to) >= 0) { // ALL_ASCII and -1 are both valid
            throw problem(atLine, "bytes that are not valid UTF-8 (expected UTF-8 text)");
        }
    }

    /** @return whether the block is all ASCII */
    private boolean requireUtf8(byte[] bytes, int to, int[] starts, long[] lines, int size) throws InvalidInputException {
        int bad = Utf8.firstInvalid(bytes, 0, to);
        if (bad == Utf8.ALL_ASCII) {
            return true;
        }
        if (bad >= 0) {
            int row = 0;
            while (row + 1 < size && starts[(row + 1) * width] <= bad) {
                row++;
            }
            throw problem(lines[row], "bytes that are not valid UTF-8 (expected UTF-8 text)");
        }
        return false;
    }

    /** A problem found at about {@code atLine}, located exactly by the diagnostic scan where it can. */
    private InvalidInputException problem(long atLine, String what) {
        InvalidInputException original = new InvalidInputException(new SourceLocation(source, atLine, 0), what);
        if (opener == null) {
            return original; // a part of a file: whoever reads it whole locates the problem
        }
        try (InputStream again = skipUtf8Bom(source, opener.open())) {
            CsvDiagnostics.Finding finding = CsvDiagnostics.scan(source, again, (char) delimiter, MAX_FIELD_CHARS);
            if (finding != null) {
                return new InvalidInputException(finding.location(), finding.problem());
            }
        } catch (IOException | InvalidInputException e) {
            original.addSuppressed(e);
        }
        return original;
    }

    private static String decode(byte[] bytes, int start, int end, boolean escapes) {
        String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        return escapes ? text.replace("\"\"", "\"") : text;
    }

    static InputStream skipUtf8Bom(String source, InputStream raw) throws InvalidInputException {
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

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the original problem is more useful than a failure to close
        }
    }
}
