package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.TableFormat;
import io.jenkins.plugins.cd4ml.data.TableReader;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Validates a dataset against an expectations file in one streaming pass: every expectation's
 * evaluator sees each row once, so memory does not grow with the row count (except for
 * {@code unique} and exact {@code distinct_count}, which keep one hash per distinct value).
 *
 * <p>This is the engine's entry point for the CLI ({@code cd4ml validate}) and the Jenkins
 * {@code validateData} step alike:
 * <pre>{@code
 * ValidationReport report = DataValidator.validate(dataset, expectations, ValidationOptions.defaults());
 * if (report.isError()) { ... report.error().message() ... }   // never a pass or a fail
 * }</pre>
 */
public final class DataValidator {
    private static final int BATCH = 2048;

    private DataValidator() {
    }

    /**
     * Validates a dataset. Never throws for bad input: an unreadable dataset or expectations file
     * gives a report with verdict {@code ERROR} and a located {@link ValidationReport#error()}.
     *
     * @param dataset the CSV / TSV / JSON Lines file (optionally {@code .gz})
     * @param expectations the YAML or JSON expectations file
     * @param options samples, delimiter, threads
     * @return the report
     */
    public static ValidationReport validate(Path dataset, Path expectations, ValidationOptions options) {
        try {
            ExpectationSuite suite = ExpectationsParser.parse(expectations);
            return validate(dataset, suite, options);
        } catch (InvalidInputException e) {
            return ValidationReport.error(dataset.toString(), expectations.toString(), e);
        }
    }

    /**
     * Validates a dataset against an already parsed suite.
     *
     * @param dataset the data file
     * @param suite the expectations
     * @param options samples, delimiter, threads
     * @return the report (never with verdict ERROR)
     * @throws InvalidInputException when the dataset cannot be evaluated
     */
    public static ValidationReport validate(Path dataset, ExpectationSuite suite, ValidationOptions options)
            throws InvalidInputException {
        TableFormat format = TableFormat.detect(dataset);
        if (options.delimiter() != null) {
            format = format.withDelimiter(options.delimiter());
        }
        try (TableReader table = TableReader.open(dataset, format)) {
            CheckFactory.Plan plan = CheckFactory.plan(table.source(), table.columns(), suite, options.maxSamples());
            long rows = options.parallel() ? runPipelined(table, plan) : runSequential(table, plan);
            List<ExpectationResult> results = new ArrayList<>();
            for (Check check : plan.checks()) {
                results.add(check.result(rows));
            }
            return ValidationReport.of(table.source(), suite.source(), rows, table.columns(), results);
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(dataset.toString()),
                    "cannot be read: " + e.getMessage(), e);
        }
    }

    private static long runSequential(TableReader table, CheckFactory.Plan plan) throws InvalidInputException {
        int width = table.columns().size();
        Row row = plan.row();
        List<Check> checks = plan.checks();
        while (table.next()) {
            String[] cells = new String[width];
            for (int i = 0; i < width; i++) {
                cells[i] = table.value(i);
            }
            row.set(cells, table.rowNumber(), table.line());
            for (Check check : checks) {
                check.accept(row);
            }
        }
        return table.rowNumber();
    }

    /** Rows read on one thread, handed over in batches. */
    private record Batch(String[][] cells, long[] lines, long firstRow, int size, InvalidInputException error) {
        static final Batch END = new Batch(null, null, 0, 0, null);
    }

    /** Parses on a second thread while this one runs the checks: the two halves of the work overlap. */
    private static long runPipelined(TableReader table, CheckFactory.Plan plan) throws InvalidInputException {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(8);
        int width = table.columns().size();
        boolean[] stop = {false};
        Thread reader = new Thread(() -> produce(table, width, queue, stop), "cd4ml-validate-reader");
        reader.setDaemon(true);
        reader.start();
        Row row = plan.row();
        List<Check> checks = plan.checks();
        long rows = 0;
        try {
            while (true) {
                Batch batch = queue.take();
                if (batch.error() != null) {
                    throw batch.error();
                }
                if (batch == Batch.END) {
                    return rows;
                }
                for (int i = 0; i < batch.size(); i++) {
                    row.set(batch.cells()[i], batch.firstRow() + i, batch.lines()[i]);
                    for (Check check : checks) {
                        check.accept(row);
                    }
                }
                rows = batch.firstRow() + batch.size() - 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException(SourceLocation.ofFile(table.source()), "validation interrupted");
        } finally {
            synchronized (stop) {
                stop[0] = true;
            }
            reader.interrupt();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void produce(TableReader table, int width, BlockingQueue<Batch> queue, boolean[] stop) {
        try {
            long first = 1;
            while (true) {
                String[][] cells = new String[BATCH][];
                long[] lines = new long[BATCH];
                int size = 0;
                while (size < BATCH && table.next()) {
                    String[] row = new String[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = table.value(i);
                    }
                    cells[size] = row;
                    lines[size] = table.line();
                    size++;
                }
                if (size > 0 && !offer(queue, new Batch(cells, lines, first, size, null), stop)) {
                    return;
                }
                first += size;
                if (size < BATCH) {
                    offer(queue, Batch.END, stop);
                    return;
                }
            }
        } catch (InvalidInputException e) {
            offer(queue, new Batch(null, null, 0, 0, e), stop);
        }
    }

    private static boolean offer(BlockingQueue<Batch> queue, Batch batch, boolean[] stop) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                synchronized (stop) {
                    if (stop[0]) {
                        return false;
                    }
                }
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
