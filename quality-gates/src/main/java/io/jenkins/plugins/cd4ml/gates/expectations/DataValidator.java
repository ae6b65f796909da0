package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.BlockPipeline;
import io.jenkins.plugins.cd4ml.data.RowBlock;
import io.jenkins.plugins.cd4ml.data.TableFormat;
import io.jenkins.plugins.cd4ml.data.TableReader;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    /**
     * Checking threads: more groups than the two cores this is tuned for, so that groups of unequal
     * cost still keep both cores busy to the end (the scheduler shares them).
     */
    private static final int CHECK_GROUPS = 4;
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
        for (Check check : checks) {
            check.prepare(block);
        }
        for (int i = 0; i < block.size(); i++) {
            row.set(block, i);
            for (Check check : checks) {
                check.accept(row);
            }
        }
    }

    /**
     * Reads blocks on one thread (finding fields only, no decoding) while others run the checks,
     * split by column so that each cell is decoded or parsed by one thread only: both cores work
     * and each sees the rows in file order, so samples and error locations are those of a
     * sequential run.
     */
    private static long runPipelined(TableReader table, CheckFactory.Plan plan) throws InvalidInputException {
        List<List<Check>> groups = split(plan.checks(), CHECK_GROUPS);
        List<BlockPipeline.BlockConsumer> consumers = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Check> checks = groups.get(g);
            Row row = g == 0 ? plan.row() : plan.newRow();
            consumers.add(block -> check(block, row, checks));
        }
        return BlockPipeline.run(table, "cd4ml-validate", consumers);
    }

    /**
     * Splits the checks into groups of similar cost, keeping all checks of one column together
     * (each cell is then decoded or parsed by one thread only).
     */
    static List<List<Check>> split(List<Check> checks, int count) {
        java.util.Map<String, List<Check>> byColumn = new java.util.LinkedHashMap<>();
        for (Check check : checks) {
            List<String> columns = check.expectation.columns();
            byColumn.computeIfAbsent(columns.isEmpty() ? "" : columns.get(0), c -> new ArrayList<>()).add(check);
        }
        List<List<Check>> columns = new ArrayList<>(byColumn.values());
        columns.sort((a, b) -> Integer.compare(cost(b), cost(a)));
        List<List<Check>> groups = new ArrayList<>();
        int[] costs = new int[Math.max(1, Math.min(count, columns.size()))];
        for (int i = 0; i < costs.length; i++) {
            groups.add(new ArrayList<>());
        }
        for (List<Check> column : columns) {
            int cheapest = 0;
            for (int i = 1; i < costs.length; i++) {
                if (costs[i] < costs[cheapest]) {
                    cheapest = i;
                }
            }
            groups.get(cheapest).addAll(column);
            costs[cheapest] += cost(column);
        }
        return groups;
    }

    private static int cost(List<Check> checks) {
        int cost = 0;
        for (Check check : checks) {
            cost += switch (check.expectation.type()) {
                case ROW_COUNT, COLUMN_EXISTS, COLUMNS_MATCH -> 0;
                // relative CPU per row, as profiled on the 32-check benchmark suite
                case REGEX -> 8;
                case UNIQUE, DISTINCT_COUNT -> 6;
                case COMPARE, DATE_RANGE, TYPE -> 3;
                case NOT_NULL -> 1;
                default -> 2;
            };
        }
        return cost;
    }
}
