package io.jenkins.plugins.cd4ml.gates.expectations;

import java.util.List;

/** Expectations about the table as a whole: its row count and its header. */
final class TableCheck extends Check {
    private final List<String> header;

    TableCheck(Expectation expectation, List<String> header) {
        super(expectation);
        this.header = header;
    }

    @Override
    void accept(Row row) {
        // decided from the header and the row count
    }

    @Override
    ExpectationResult result(long rows) {
        return switch (expectation.type()) {
            case ROW_COUNT -> {
                boolean held = (expectation.min() == null || rows >= Double.parseDouble(expectation.min()))
                        && (expectation.max() == null || rows <= Double.parseDouble(expectation.max()));
                yield result(held, rows + " rows", "row count in [" + (expectation.min() == null ? "0" : expectation.min())
                        + ", " + (expectation.max() == null ? "+inf" : expectation.max()) + "]", (double) rows, rows);
            }
            case COLUMN_EXISTS -> {
                boolean held = header.contains(expectation.column());
                yield result(held, held ? "present" : "missing (columns: " + header + ")",
                        "column '" + expectation.column() + "' present", null, rows);
            }
            default -> {
                boolean held = header.equals(expectation.values());
                yield result(held, String.join(", ", header), String.join(", ", expectation.values()), null, rows);
            }
        };
    }

    private ExpectationResult result(boolean held, String observed, String threshold, Double value, long rows) {
        return new ExpectationResult(expectation.name(), expectation.type().id(), expectation.columns(),
                expectation.severity(), status(held), observed, threshold, value, rows, 0, List.of());
    }
}
