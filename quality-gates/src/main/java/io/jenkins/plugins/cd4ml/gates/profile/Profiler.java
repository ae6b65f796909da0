package io.jenkins.plugins.cd4ml.gates.profile;

import io.jenkins.plugins.cd4ml.data.TableFormat;
import io.jenkins.plugins.cd4ml.data.TableReader;
import io.jenkins.plugins.cd4ml.gates.drift.NumericText;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Profiles a dataset in one streaming pass with memory independent of the row count: per column
 * counts, nulls, min/max/mean/standard deviation (Welford), a KLL quantile sketch, and value counts
 * for string and low-cardinality numeric columns.
 */
public final class Profiler {
    /** At most this many distinct values are counted per string column; later new values go to "other". */
    public static final int MAX_TRACKED_VALUES = 10_000;
    /** Numeric columns keep value counts only while they have at most this many distinct values. */
    public static final int MAX_NUMERIC_VALUES = 1_000;

    private final int sketchK;

    /** @param sketchK the KLL sketch size (larger is more accurate; SageMaker uses 2048) */
    public Profiler(int sketchK) {
        this.sketchK = sketchK;
    }

    /** @return a profiler with SageMaker's sketch size */
    public static Profiler withDefaults() {
        return new Profiler(KllSketch.DEFAULT_K);
    }

    /**
     * @param file a CSV, TSV or JSON Lines file (optionally gzip)
     * @return its profile
     * @throws InvalidInputException for a malformed file
     */
    public DatasetProfile profile(Path file) throws InvalidInputException {
        try (TableReader table = TableReader.open(file, TableFormat.detect(file))) {
            List<String> names = table.columns();
            ColumnProfiler[] columns = new ColumnProfiler[names.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = new ColumnProfiler(names.get(i), new KllSketch(sketchK, KllSketch.DEFAULT_C));
            }
            while (table.next()) {
                for (int i = 0; i < columns.length; i++) {
                    columns[i].add(table.value(i));
                }
            }
            List<ColumnProfile> profiles = new ArrayList<>();
            for (ColumnProfiler column : columns) {
                profiles.add(column.result());
            }
            return new DatasetProfile(table.source(), table.rowNumber(), profiles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running state of one column. */
    private static final class ColumnProfiler {
        private final String name;
        private final KllSketch sketch;
        private boolean numeric = true;
        private boolean integral = true;
        private long count;
        private long nulls;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private double mean;
        private double m2;
        private double sum;
        private Map<String, long[]> values = new HashMap<>();
        private boolean complete = true;
        private long other;

        ColumnProfiler(String name, KllSketch sketch) {
            this.name = name;
            this.sketch = sketch;
        }

        void add(String value) {
            if (value == null) {
                nulls++;
                return;
            }
            count++;
            if (numeric) {
                double number = NumericText.parse(value);
                if (Double.isFinite(number)) {
                    addNumber(number);
                    if (integral && !isWholeNumberText(value)) {
                        integral = false;
                    }
                } else {
                    numeric = false;
                    if (values == null) {
                        // numbers seen earlier were not counted: counts from here on are partial
                        values = new HashMap<>();
                        complete = false;
                        other = count - 1;
                    }
                }
            }
            count(value);
        }

        private void count(String value) {
            if (values == null) {
                return;
            }
            long[] counter = values.get(value);
            if (counter != null) {
                counter[0]++;
                return;
            }
            int limit = numeric ? MAX_NUMERIC_VALUES : MAX_TRACKED_VALUES;
            if (values.size() < limit) {
                values.put(value, new long[] {1});
            } else if (numeric) {
                values = null;
            } else {
                complete = false;
                other++;
            }
        }

        private void addNumber(double number) {
            sketch.update(number);
            min = Math.min(min, number);
            max = Math.max(max, number);
            sum += number;
            long n = sketch.count();
            double delta = number - mean;
            mean += delta / n;
            m2 += delta * (number - mean);
        }

        ColumnProfile result() {
            InferredType type = count == 0 ? InferredType.UNKNOWN
                    : numeric ? (integral ? InferredType.INTEGRAL : InferredType.FRACTIONAL) : InferredType.STRING;
            ColumnProfile.NumericSummary summary = null;
            if (type.isNumeric()) {
                double stdDev = count > 1 ? Math.sqrt(m2 / (count - 1)) : Double.NaN;
                summary = new ColumnProfile.NumericSummary(min, max, mean, stdDev, sum, sketch);
            }
            ColumnProfile.Frequencies frequencies = null;
            if (values != null && count > 0) {
                Map<String, Long> counts = new HashMap<>();
                values.forEach((value, counter) -> counts.put(value, counter[0]));
                frequencies = new ColumnProfile.Frequencies(counts, complete, other);
            }
            return new ColumnProfile(name, type, count, nulls, summary, frequencies);
        }
    }

    private static boolean isWholeNumberText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }
}
