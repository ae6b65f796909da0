package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.RowBlock;
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
        Row row = plan.row();
        List<Check> checks = plan.checks();
        long rows = 0;
        RowBlock block;
        while ((block = table.nextBlock()) != null) {
            check(block, row, checks);
            rows = block.rowNumber(block.size() - 1);
        }
        return rows;
    }

    private static void check(RowBlock block, Row row, List<Check> checks) throws InvalidInputException {
        for (int i = 0; i < block.size(); i++) {
            row.set(block, i);
            for (Check check : checks) {
                check.accept(row);
            }
        }
    }

    /** Rows read on one thread, handed over together; or the end; or the reading's failure. */
    private record Batch(RowBlock rows, InvalidInputException error) {
        static final Batch END = new Batch(null, null);
    }

    /**
     * Reads blocks on one thread (finding fields only, no decoding) while two others run the
     * checks, split by column so that each cell is decoded or parsed by one thread only: both cores
     * work and each sees the rows in file order, so samples and error locations are those of a
     * sequential run.
     */
    private static long runPipelined(TableReader table, CheckFactory.Plan plan) throws InvalidInputException {
        List<List<Check>> groups = split(plan.checks());
        List<BlockingQueue<Batch>> queues = List.of(new ArrayBlockingQueue<>(4), new ArrayBlockingQueue<>(4));
        boolean[] stop = {false};
        Thread reader = new Thread(() -> produce(table, queues, stop), "cd4ml-validate-reader");
        reader.setDaemon(true);
        InvalidInputException[] failure = new InvalidInputException[1];
        long[] rowsSeen = new long[1];
        Row secondRow = plan.newRow();
        Thread second = new Thread(() -> {
            try {
                consume(queues.get(1), secondRow, groups.get(1), stop);
            } catch (InvalidInputException e) {
                failure[0] = e;
                halt(stop);
            }
        }, "cd4ml-validate-checks");
        second.setDaemon(true);
        reader.start();
        second.start();
        InvalidInputException mine = null;
        try {
            rowsSeen[0] = consume(queues.get(0), plan.row(), groups.get(0), stop);
        } catch (InvalidInputException e) {
            mine = e;
        } finally {
            if (mine != null) {
                halt(stop);
            }
            join(second);
            halt(stop);
            reader.interrupt();
            join(reader);
        }
        InvalidInputException first = earliest(mine, failure[0]);
        if (first != null) {
            throw first;
        }
        return rowsSeen[0];
    }

    private static long consume(BlockingQueue<Batch> queue, Row row, List<Check> checks, boolean[] stop)
            throws InvalidInputException {
        long rows = 0;
        try {
            while (true) {
                Batch batch = queue.poll(100, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    if (stopped(stop)) {
                        return rows;
                    }
                    continue;
                }
                if (batch.error() != null) {
                    throw batch.error();
                }
                if (batch == Batch.END) {
                    return rows;
                }
                check(batch.rows(), row, checks);
                rows = batch.rows().rowNumber(batch.rows().size() - 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return rows;
        }
    }

    /** Splits the checks in two groups of similar cost, keeping all checks of one column together. */
    static List<List<Check>> split(List<Check> checks) {
        java.util.Map<String, List<Check>> byColumn = new java.util.LinkedHashMap<>();
        for (Check check : checks) {
            List<String> columns = check.expectation.columns();
            byColumn.computeIfAbsent(columns.isEmpty() ? "" : columns.get(0), c -> new ArrayList<>()).add(check);
        }
        List<List<Check>> columns = new ArrayList<>(byColumn.values());
        columns.sort((a, b) -> Integer.compare(cost(b), cost(a)));
        List<Check> one = new ArrayList<>();
        List<Check> two = new ArrayList<>();
        int costOne = 0;
        int costTwo = 0;
        for (List<Check> group : columns) {
            if (costOne <= costTwo) {
                one.addAll(group);
                costOne += cost(group);
            } else {
                two.addAll(group);
                costTwo += cost(group);
            }
        }
        return List.of(one, two);
    }

    private static int cost(List<Check> checks) {
        int cost = 0;
        for (Check check : checks) {
            cost += switch (check.expectation.type()) {
                case ROW_COUNT, COLUMN_EXISTS, COLUMNS_MATCH -> 0;
                case REGEX, UNIQUE, COMPARE, DISTINCT_COUNT -> 4;
                case BETWEEN, MEAN, STDDEV, MIN, MAX, QUANTILE, DATE_RANGE, TYPE -> 2;
                default -> 1;
            };
        }
        return cost;
    }

    private static InvalidInputException earliest(InvalidInputException a, InvalidInputException b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.getLocation().line() < a.getLocation().line() ? b : a;
    }

    private static void halt(boolean[] stop) {
        synchronized (stop) {
            stop[0] = true;
        }
    }

    private static boolean stopped(boolean[] stop) {
        synchronized (stop) {
            return stop[0];
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void produce(TableReader table, List<BlockingQueue<Batch>> queues, boolean[] stop) {
        try {
            RowBlock block;
            while ((block = table.nextBlock()) != null) {
                if (!offer(queues, new Batch(block, null), stop)) {
                    return;
                }
            }
            offer(queues, Batch.END, stop);
        } catch (InvalidInputException e) {
            offer(queues, new Batch(null, e), stop);
        }
    }

    private static boolean offer(List<BlockingQueue<Batch>> queues, Batch batch, boolean[] stop) {
        try {
            for (BlockingQueue<Batch> queue : queues) {
                while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (stopped(stop)) {
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
