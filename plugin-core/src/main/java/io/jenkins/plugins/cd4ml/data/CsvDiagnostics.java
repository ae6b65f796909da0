package io.jenkins.plugins.cd4ml.data;

import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.InputStream;

/**
 * Finds where a CSV file that the reader rejected went wrong, by scanning its bytes again from the
 * start (only on that error path, in constant memory). The reader notices a broken record
 * but not always the column where a quote opened; this scan does.
 */
final class CsvDiagnostics {
    /** A located problem: the location and what was wrong. */
    record Finding(SourceLocation location, String problem) {
    }

    private CsvDiagnostics() {
    }

    /**
     * @param source the file name for locations
     * @param in the file's bytes from the start (after any BOM), closed by the caller
     * @param delimiter the field delimiter
     * @param maxFieldChars the longest field accepted
     * @return the first problem, or null when the scan found none
     * @throws IOException when the file cannot be read
     */
    static Finding scan(String source, InputStream in, char delimiter, int maxFieldChars) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long line = 1;
        long charColumn = 1;
        long field = 1;
        boolean inQuotes = false;
        boolean afterClosingQuote = false;
        boolean atFieldStart = true;
        long quoteLine = 0;
        long quoteCharColumn = 0;
        long fieldLine = 1;
        long fieldChars = 0;
        int continuation = 0;
        long leadColumn = 0;
        boolean pendingCr = false;
        Finding longQuoted = null;
        int read;
        while ((read = in.read(buffer)) > 0) {
            for (int i = 0; i < read; i++) {
                int b = buffer[i] & 0xFF;
                // UTF-8 validity (structure only: lead byte followed by the right number of continuations)
                if (continuation > 0) {
                    if ((b & 0xC0) != 0x80) {
                        return new Finding(new SourceLocation(source, line, leadColumn),
                                "bytes that are not valid UTF-8 (expected UTF-8 text)");
                    }
                    continuation--;
                    continue;
                }
                if (b >= 0x80) {
                    if (b >= 0xC2 && b <= 0xDF) {
                        continuation = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        continuation = 2;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        continuation = 3;
                    } else {
                        return new Finding(new SourceLocation(source, line, charColumn),
                                "byte 0x" + Integer.toHexString(b).toUpperCase() + " that is not valid UTF-8 (expected UTF-8 text)");
                    }
                    leadColumn = charColumn;
                    fieldChars++;
                    charColumn++;
                    atFieldStart = false;
                    if (fieldChars > maxFieldChars && !inQuotes) {
                        return tooLong(source, fieldLine, field, maxFieldChars);
                    }
                    continue;
                }
                char c = (char) b;
                if (pendingCr && c != '\n') {
                    pendingCr = false;
                }
                if (inQuotes) {
                    if (c == '"') {
                        if (longQuoted != null) {
                            return longQuoted;
                        }
                        inQuotes = false;
                        afterClosingQuote = true;
                    } else {
                        fieldChars++;
                        // keep scanning: a quote that never closes is the more useful report
                        if (fieldChars > maxFieldChars && longQuoted == null) {
                            longQuoted = tooLong(source, fieldLine, field, maxFieldChars);
                        }
                    }
                    if (c == '\n' || c == '\r') {
                        if (!(c == '\n' && pendingCr)) {
                            line++;
                        }
                        pendingCr = c == '\r';
                        charColumn = 1;
                    } else {
                        charColumn++;
                    }
                    continue;
                }
                if (afterClosingQuote) {
                    afterClosingQuote = false;
                    if (c == '"') { // an escaped quote inside the quoted field
                        inQuotes = true;
                        fieldChars++;
                        charColumn++;
                        continue;
                    }
                    if (c != delimiter && c != '\n' && c != '\r') {
                        return new Finding(new SourceLocation(source, line, field),
                                "character '" + c + "' after the closing quote of the field that opened at line "
                                        + quoteLine + ", character " + quoteCharColumn
                                        + " (expected the delimiter or the end of the line)");
                    }
                }
                if (c == delimiter) {
                    field++;
                    fieldChars = 0;
                    fieldLine = line;
                    atFieldStart = true;
                    charColumn++;
                } else if (c == '\n' || c == '\r') {
                    if (!(c == '\n' && pendingCr)) {
                        line++;
                    }
                    pendingCr = c == '\r';
                    field = 1;
                    fieldChars = 0;
                    fieldLine = line;
                    atFieldStart = true;
                    charColumn = 1;
                } else if (c == '"' && atFieldStart) {
                    inQuotes = true;
                    quoteLine = line;
                    quoteCharColumn = charColumn;
                    atFieldStart = false;
                    charColumn++;
                } else {
                    atFieldStart = false;
                    fieldChars++;
                    charColumn++;
                    if (fieldChars > maxFieldChars) {
                        return tooLong(source, fieldLine, field, maxFieldChars);
                    }
                }
            }
        }
        if (continuation > 0) {
            return new Finding(new SourceLocation(source, line, leadColumn),
                    "a truncated UTF-8 sequence at the end of the file (expected UTF-8 text)");
        }
        if (inQuotes) {
            return new Finding(new SourceLocation(source, quoteLine, fieldOf(quoteLine, fieldLine, field)),
                    "unterminated quoted field: the quote opened at line " + quoteLine + ", character "
                            + quoteCharColumn + " is never closed (expected a closing \")");
        }
        return null;
    }

    private static long fieldOf(long quoteLine, long fieldLine, long field) {
        return quoteLine == fieldLine ? field : 0;
    }

    private static Finding tooLong(String source, long line, long field, int max) {
        return new Finding(new SourceLocation(source, line, field),
                "a field longer than " + max + " characters (expected shorter fields; an unterminated quote"
                        + " often causes this)");
    }
}
