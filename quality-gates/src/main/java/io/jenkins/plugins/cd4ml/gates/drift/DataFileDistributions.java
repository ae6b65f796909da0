package io.jenkins.plugins.cd4ml.gates.drift;

import io.jenkins.plugins.cd4ml.data.FieldView;
import io.jenkins.plugins.cd4ml.data.RowBlock;
import io.jenkins.plugins.cd4ml.data.TableFormat;
import io.jenkins.plugins.cd4ml.data.TableReader;
import io.jenkins.plugins.cd4ml.data.TextCodes;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the columns drift needs from a data file in one streaming pass: numeric columns into
 * primitive arrays (sorted afterwards, for exact KS, Wasserstein and quantiles), categorical columns
 * into counts. Memory grows with the rows of numeric columns (8 bytes per value) and with the
 * number of distinct categories (capped at {@link #MAX_CATEGORIES}).
 *
 * <p>Column kinds are inferred: a column is numeric while every non-null value is a plain decimal
 * number. A column that turns out categorical after numbers were seen is read again as categories
 * (a second pass over that file only, for those columns only).
 */
public final class DataFileDistributions {
    /** Above this many distinct values per file a categorical column is not compared (too many categories). */
    public static final int MAX_CATEGORIES = 10_000;

    private DataFileDistributions() {
    }

    /**
     * @param file the data file (CSV, TSV, JSON Lines, optionally gzip)
     * @param wanted the columns to collect, or {@code null} for all
     * @param kinds kinds declared by the user; a declared-numeric column with a non-number is an error
     * @return the distributions
     * @throws InvalidInputException for a malformed file, a missing wanted column, or a non-number
     *     in a column declared numeric
     */
    public static DatasetDistributions read(Path file, Collection<String> wanted, Map<String, ColumnKind> kinds)
            throws InvalidInputException {
        Pass pass = Pass.run(file, wanted, kinds);
        List<String> reread = pass.columnsToReadAgain();
        if (!reread.isEmpty()) {
            Map<String, ColumnKind> categorical = new HashMap<>(kinds);
            reread.forEach(name -> categorical.put(name, ColumnKind.CATEGORICAL));
            Pass second = Pass.run(file, reread, categorical);
            pass.replace(second);
        }
        return pass.result();
    }

    /** One streaming pass over a file. */
    private static final class Pass {
        private final String source;
        private final List<String> header;
        private final Map<String, Accumulator> columns;
        private long rows;

        private Pass(String source, List<String> header, Map<String, Accumulator> columns) {
            this.source = source;
            this.header = header;
            this.columns = columns;
        }

        static Pass run(Path file, Collection<String> wanted, Map<String, ColumnKind> kinds)
                throws InvalidInputException {
            try (TableReader table = TableReader.open(file, TableFormat.detect(file))) {
                List<String> names = wanted == null ? table.columns() : List.copyOf(wanted);
                Map<String, Accumulator> accumulators = new LinkedHashMap<>();
                int[] positions = new int[names.size()];
                Accumulator[] byPosition = new Accumulator[names.size()];
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get(i);
                    positions[i] = table.requireColumn(name);
                    byPosition[i] = new Accumulator(name, kinds.get(name));
                    accumulators.put(name, byPosition[i]);
                }
                Pass pass = new Pass(table.source(), table.columns(), accumulators);
                RowBlock block;
                while ((block = table.nextBlock()) != null) {
                    for (int row = 0; row < block.size(); row++) {
                        for (int i = 0; i < positions.length; i++) {
                            if (block.isNull(row, positions[i])) {
                                byPosition[i].nulls++;
                            } else if (!byPosition[i].addDecimal(block, row, positions[i])) {
                                byPosition[i].add(block, row, positions[i], table.source());
                            }
                        }
                    }
                    pass.rows = block.rowNumber(block.size() - 1);
                }
                return pass;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> columnsToReadAgain() {
            List<String> names = new ArrayList<>();
            columns.values().forEach(column -> {
                if (column.lostNumbers) {
                    names.add(column.name);
                }
            });
            return names;
        }

        void replace(Pass second) {
            columns.putAll(second.columns);
        }

        DatasetDistributions result() {
            Map<String, ColumnDistribution> distributions = new LinkedHashMap<>();
            DoubleSorter sorter = new DoubleSorter(); // one scratch for all columns of this file
            columns.forEach((name, column) -> distributions.put(name, column.toDistribution(sorter)));
            return new DatasetDistributions(source, rows, header, distributions);
        }
    }

    /** The values of one column seen so far. */
    private static final class Accumulator {
        private final String name;
        private final ColumnKind declared;
        private ColumnKind kind;
        private DoubleChunks numbers = new DoubleChunks();
        // categories are counted by code, read in place from the file's bytes (no String per cell)
        private TextCodes categories;
        private long[] categoryCounts;
        private final FieldView view = new FieldView();
        private boolean tooManyCategories;
        private long categoricalCount;
        private long nulls;
        private boolean lostNumbers;

        Accumulator(String name, ColumnKind declared) {
            this.name = name;
            this.declared = declared;
            this.kind = declared == null ? ColumnKind.NUMERIC : declared;
            if (kind == ColumnKind.CATEGORICAL) {
                startCategories();
            }
        }

        /**
         * Adds a plain decimal straight from the reader (from the file's bytes for CSV).
         *
         * @return false when the cell is no plain decimal or the column is not numeric: then
         *     {@link #add} decides, from the text
         */
        boolean addDecimal(RowBlock block, int row, int position) {
            if (kind != ColumnKind.NUMERIC) {
                return false;
            }
            try {
                double number = block.decimal(row, position);
                append(number);
                return true;
            } catch (io.jenkins.plugins.cd4ml.data.InvalidValueException notPlain) {
                return false;
            }
        }

        private void startCategories() {
            categories = new TextCodes();
            categoryCounts = new long[16];
        }

        private void append(double number) {
            numbers.add(number);
        }

        void add(RowBlock block, int row, int position, String source) throws InvalidInputException {
            if (kind == ColumnKind.NUMERIC) {
                String value = block.text(row, position);
                double number = NumericText.parse(value);
                if (Double.isFinite(number)) {
                    append(number);
                    return;
                }
                SourceLocation location = new SourceLocation(source, block.line(row), position + 1L);
                if (Double.isInfinite(number)) {
                    throw new InvalidInputException(location, "number '" + value + "' overflows a double in column '"
                            + name + "' (expected a finite number)");
                }
                if (declared == ColumnKind.NUMERIC) {
                    throw new InvalidInputException(location, "'" + abbreviate(value)
                            + "' in column '" + name + "' is not a number (the column is declared numeric)");
                }
                kind = ColumnKind.CATEGORICAL;
                startCategories();
                lostNumbers = numbers.size() > 0;
                numbers = null;
            }
            categoricalCount++;
            if (tooManyCategories) {
                return;
            }
            CharSequence value = block.chars(row, position, view);
            int code = categories.codeOf(value);
            if (code < 0) {
                if (categories.size() >= MAX_CATEGORIES) {
                    tooManyCategories = true;
                    categories = null;
                    categoryCounts = null;
                    return;
                }
                code = categories.add(value);
                if (code == categoryCounts.length) {
                    categoryCounts = Arrays.copyOf(categoryCounts, code * 2);
                }
            }
            categoryCounts[code]++;
        }

        ColumnDistribution toDistribution(DoubleSorter sorter) {
            if (kind == ColumnKind.NUMERIC) {
                double[] sample = numbers.toArray();
                numbers = null;
                EmpiricalDistribution values = EmpiricalDistribution.ofSample(sample, sample.length, sorter);
                return new ColumnDistribution.Numeric(name, nulls, values, values.sampleStdDev(), null);
            }
            Map<String, Long> counts = new HashMap<>();
            if (!tooManyCategories) {
                List<String> texts = categories.texts();
                for (int code = 0; code < texts.size(); code++) {
                    counts.put(texts.get(code), categoryCounts[code]);
                }
            }
            return new ColumnDistribution.Categorical(name, nulls, categoricalCount, counts, !tooManyCategories);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
