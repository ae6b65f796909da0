package io.jenkins.plugins.cd4ml.data;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How a tabular file is written.
 *
 * @param kind CSV or JSON Lines
 * @param delimiter the CSV field delimiter
 */
public record TableFormat(Kind kind, char delimiter) {
    /** The file formats cd4ml reads. */
    public enum Kind {
        /** RFC 4180 comma- (or other delimiter-) separated values with a header line. */
        CSV,
        /** One JSON object per line. */
        JSON_LINES
    }

    /** @return RFC 4180 CSV with a comma */
    public static TableFormat csv() {
        return new TableFormat(Kind.CSV, ',');
    }

    /**
     * Chooses the format from the file name: {@code .jsonl}, {@code .ndjson} (optionally
     * {@code .gz}) are JSON Lines, {@code .tsv} is tab-separated, everything else CSV.
     *
     * @param file the file
     * @return the format
     */
    public static TableFormat detect(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return new TableFormat(Kind.JSON_LINES, ',');
        }
        if (name.endsWith(".tsv")) {
            return new TableFormat(Kind.CSV, '\t');
        }
        return csv();
    }

    /**
     * @param separator the delimiter to use instead
     * @return this format with another delimiter
     */
    public TableFormat withDelimiter(char separator) {
        return new TableFormat(kind, separator);
    }
}
