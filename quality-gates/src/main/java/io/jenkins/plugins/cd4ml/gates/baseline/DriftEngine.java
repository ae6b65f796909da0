package io.jenkins.plugins.cd4ml.gates.baseline;

import io.jenkins.plugins.cd4ml.data.TableReader;
import io.jenkins.plugins.cd4ml.gates.drift.ColumnDistribution;
import io.jenkins.plugins.cd4ml.gates.drift.ColumnKind;
import io.jenkins.plugins.cd4ml.gates.drift.DataFileDistributions;
import io.jenkins.plugins.cd4ml.gates.drift.DatasetDistributions;
import io.jenkins.plugins.cd4ml.gates.drift.DriftAnalyzer;
import io.jenkins.plugins.cd4ml.gates.drift.DriftConfig;
import io.jenkins.plugins.cd4ml.gates.drift.DriftReport;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The entry point of drift on files: reads the baseline (data file, profile or statistics.json)
 * and the current data file, and compares them. Two data files are read at the same time on two
 * threads; numeric columns are then sorted in parallel.
 */
public final class DriftEngine {
    private DriftEngine() {
    }

    /**
     * @param baseline a data file, a cd4ml profile or a SageMaker statistics.json
     * @param current the current data file
     * @param config what to compare and check
     * @return the report
     * @throws InvalidInputException for a malformed or missing file or column
     */
    public static DriftReport compare(Path baseline, Path current, DriftConfig config) throws InvalidInputException {
        return compare(Baseline.load(baseline), current, config);
    }

    /**
     * @param baseline a loaded baseline
     * @param current the current data file
     * @param config what to compare and check
     * @return the report
     * @throws InvalidInputException for a malformed or missing file or column
     */
    public static DriftReport compare(Baseline baseline, Path current, DriftConfig config)
            throws InvalidInputException {
        List<String> currentColumns = header(current);
        if (baseline.isSummary()) {
            DatasetDistributions summary = Baseline.distributionsOf(baseline.profile());
            // name the file the user gave, and what it summarises
            DatasetDistributions base = new DatasetDistributions(baseline.path() + " (profile of "
                    + summary.source() + ")", summary.rows(), summary.columns(), summary.distributions());
            List<String> columns = DriftAnalyzer.selectColumns(base.columns(), currentColumns, config);
            for (String name : columns) {
                if (base.column(name) == null) {
                    throw new InvalidInputException(SourceLocation.ofFile(baseline.path().toString()),
                            "no column '" + name + "' in the baseline (expected one of " + base.columns() + ")");
                }
            }
            Map<String, ColumnKind> kinds = new HashMap<>();
            columns.forEach(name -> {
                if (base.column(name).kind() == ColumnKind.CATEGORICAL) {
                    kinds.put(name, ColumnKind.CATEGORICAL);
                }
            });
            kinds.putAll(config.types());
            DatasetDistributions now = DataFileDistributions.read(current, columns, kinds);
            return DriftAnalyzer.compare(base, now, config);
        }
        List<String> baselineColumns = header(baseline.path());
        List<String> columns = DriftAnalyzer.selectColumns(baselineColumns, currentColumns, config);
        DatasetDistributions[] both = readBoth(baseline.path(), current, columns, config.types());
        DatasetDistributions base = both[0];
        DatasetDistributions now = both[1];
        List<String> mixed = new ArrayList<>();
        for (String name : columns) {
            ColumnDistribution b = base.column(name);
            ColumnDistribution c = now.column(name);
            if (b != null && c != null && b.kind() != c.kind()) {
                mixed.add(name);
            }
        }
        if (!mixed.isEmpty()) {
            // numbers on one side, text on the other: compare both as categories
            Map<String, ColumnKind> categorical = new HashMap<>(config.types());
            mixed.forEach(name -> categorical.put(name, ColumnKind.CATEGORICAL));
            base = replace(base, baseline.path(), mixed, categorical);
            now = replace(now, current, mixed, categorical);
        }
        return DriftAnalyzer.compare(base, now, config);
    }

    private static DatasetDistributions replace(DatasetDistributions data, Path file, List<String> names,
            Map<String, ColumnKind> kinds) throws InvalidInputException {
        List<String> numeric = new ArrayList<>();
        for (String name : names) {
            if (data.column(name).kind() == ColumnKind.NUMERIC) {
                numeric.add(name);
            }
        }
        if (numeric.isEmpty()) {
            return data;
        }
        DatasetDistributions again = DataFileDistributions.read(file, numeric, kinds);
        Map<String, ColumnDistribution> merged = new LinkedHashMap<>(data.distributions());
        merged.putAll(again.distributions());
        return new DatasetDistributions(data.source(), data.rows(), data.columns(), merged);
    }

    private static DatasetDistributions[] readBoth(Path baseline, Path current, List<String> columns,
            Map<String, ColumnKind> kinds) throws InvalidInputException {
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "cd4ml-drift-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<DatasetDistributions> base = CompletableFuture.supplyAsync(
                    () -> readUnchecked(baseline, columns, kinds), pool);
            CompletableFuture<DatasetDistributions> now = CompletableFuture.supplyAsync(
                    () -> readUnchecked(current, columns, kinds), pool);
            return new DatasetDistributions[] {base.join(), now.join()};
        } catch (CompletionException e) {
            if (e.getCause() instanceof WrappedInvalidInput wrapped) {
                throw wrapped.input;
            }
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static DatasetDistributions readUnchecked(Path file, List<String> columns, Map<String, ColumnKind> kinds) {
        try {
            return DataFileDistributions.read(file, columns, kinds);
        } catch (InvalidInputException e) {
            throw new WrappedInvalidInput(e);
        }
    }

    /** Carries a checked exception out of a worker thread. */
    private static final class WrappedInvalidInput extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient InvalidInputException input;

        WrappedInvalidInput(InvalidInputException input) {
            super(input);
            this.input = input;
        }
    }

    private static List<String> header(Path file) throws InvalidInputException {
        try (TableReader table = TableReader.open(file)) {
            return table.columns();
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()), "cannot be read: " + e.getMessage(), e);
        }
    }
}
