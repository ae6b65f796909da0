package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.ColumnType;
import io.jenkins.plugins.cd4ml.data.InvalidValueException;
import io.jenkins.plugins.cd4ml.data.TextCodes;
import io.jenkins.plugins.cd4ml.data.Values;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Turns a suite into the checks for one table: resolves columns and builds each evaluator. */
final class CheckFactory {
    private final String dataset;
    private final List<String> header;
    private final int maxSamples;
    private final boolean[] typed;
    private final String[] reasons;
    private final Map<String, ColumnType> declared = new HashMap<>();

    private CheckFactory(String dataset, List<String> header, int maxSamples) {
        this.dataset = dataset;
        this.header = header;
        this.maxSamples = maxSamples;
        this.typed = new boolean[header.size()];
        this.reasons = new String[header.size()];
    }

    /** The checks and the row they read. */
    record Plan(List<Check> checks, Row row) {
        /** @return another row over the same columns, for a second checking thread */
        Row newRow() {
            return row.copy();
        }
    }

    static Plan plan(String dataset, List<String> header, ExpectationSuite suite, int maxSamples)
            throws InvalidInputException {
        CheckFactory factory = new CheckFactory(dataset, header, maxSamples);
        for (Expectation e : suite.expectations()) {
            if (e.type() == ExpectationType.TYPE) {
                int column = factory.column(e, e.column());
                factory.typed[column] = true;
                factory.declared.putIfAbsent(e.column(), e.columnType());
            }
        }
        List<Check> checks = new ArrayList<>();
        for (Expectation e : suite.expectations()) {
            checks.add(factory.create(e));
        }
        return new Plan(checks, new Row(dataset, header, factory.typed, factory.reasons));
    }

    private int column(Expectation e, String name) throws InvalidInputException {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new InvalidInputException(e.declaredAt(), "expectation '" + e.name() + "' names column '" + name
                    + "', which " + dataset + " does not have (expected one of " + header + ")");
        }
        return index;
    }

    private int parsed(Expectation e, String name) throws InvalidInputException {
        int index = column(e, name);
        if (reasons[index] == null) {
            reasons[index] = "expectation '" + e.name() + "' (" + e.declaredAt() + ")";
        }
        return index;
    }

    private Check create(Expectation e) throws InvalidInputException {
        return switch (e.type()) {
            case ROW_COUNT, COLUMN_EXISTS, COLUMNS_MATCH -> new TableCheck(e, header);
            case TYPE -> typeCheck(e, column(e, e.column()));
            case NOT_NULL -> notNull(e, column(e, e.column()));
            case UNIQUE -> new UniqueCheck(e, column(e, e.column()), maxSamples);
            case BETWEEN -> between(e, parsed(e, e.column()));
            case IN_SET -> inSet(e, column(e, e.column()));
            case REGEX -> regex(e, column(e, e.column()));
            case LENGTH -> length(e, column(e, e.column()));
            case DATE_RANGE -> dateRange(e, parsed(e, e.column()));
            case COMPARE -> new CompareCheck(e, parsed(e, e.column()), parsed(e, e.right()),
                    declared.get(e.column()), declared.get(e.right()), maxSamples);
            case DISTINCT_COUNT -> new StatisticCheck(e, column(e, e.column()));
            case MEAN, STDDEV, MIN, MAX, QUANTILE -> new StatisticCheck(e, parsed(e, e.column()));
        };
    }

    private Check typeCheck(Expectation e, int column) {
        ColumnType type = e.columnType();
        return new RowCheck(e, column, maxSamples, "values of type " + type.id(), row -> {
            CharSequence text = row.chars(column);
            if (text == null) {
                return RowCheck.Rule.SKIP;
            }
            return conforms(type, text, row, column) ? RowCheck.Rule.HOLDS : RowCheck.Rule.BREAKS;
        });
    }

    /**
     * Dates and timestamps go through the row's parse cache, so that {@code type}, {@code date_range}
     * and {@code compare} on one column parse each cell once: a ten-character text is a date, any
     * other a timestamp, exactly as {@link Values#parseInstantMicros} reads them. The column has this
     * {@code type} expectation, so the cache answers "not a point in time" instead of failing.
     */
    private static boolean conforms(ColumnType type, CharSequence text, Row row, int column)
            throws InvalidInputException {
        boolean dateShaped = text.length() == 10;
        if (type == ColumnType.DATE && dateShaped || type == ColumnType.TIMESTAMP && !dateShaped) {
            return row.instant(column) != Row.NO_INSTANT;
        }
        return Values.check(type, text) == null;
    }

    private Check notNull(Expectation e, int column) {
        return new RowCheck(e, column, maxSamples, "non-null values",
                row -> row.isNull(column) ? RowCheck.Rule.BREAKS : RowCheck.Rule.HOLDS) {
            @Override
            String noun() {
                return "rows";
            }
        };
    }

    private Check between(Expectation e, int column) {
        double min = e.min() == null ? Double.NEGATIVE_INFINITY : Double.parseDouble(e.min());
        double max = e.max() == null ? Double.POSITIVE_INFINITY : Double.parseDouble(e.max());
        boolean openMin = e.minExclusive();
        boolean openMax = e.maxExclusive();
        String range = (openMin ? "(" : "[") + (e.min() == null ? "-inf" : e.min()) + ", "
                + (e.max() == null ? "+inf" : e.max()) + (openMax ? ")" : "]");
        return new RowCheck(e, column, maxSamples, "values in " + range, row -> {
            double value = row.number(column);
            if (Double.isNaN(value)) {
                return RowCheck.Rule.SKIP;
            }
            boolean held = (openMin ? value > min : value >= min) && (openMax ? value < max : value <= max);
            return held ? RowCheck.Rule.HOLDS : RowCheck.Rule.BREAKS;
        });
    }

    private Check inSet(Expectation e, int column) {
        TextCodes texts = new TextCodes(e.values());
        Set<Double> numbers = new HashSet<>();
        for (String value : e.values()) {
            try {
                numbers.add(Values.parseDecimal(value));
            } catch (InvalidValueException notANumber) {
                numbers = null;
                break;
            }
        }
        Set<Double> numeric = numbers;
        String shown = e.values().size() <= 12 ? String.join(", ", e.values())
                : String.join(", ", e.values().subList(0, 12)) + ", ... (" + e.values().size() + " values)";
        return new RowCheck(e, column, maxSamples, "values in {" + shown + "}", row -> {
            CharSequence text = row.chars(column);
            if (text == null) {
                return RowCheck.Rule.SKIP;
            }
            if (texts.contains(text)) {
                return RowCheck.Rule.HOLDS;
            }
            if (numeric != null) {
                try {
                    return numeric.contains(Values.parseDecimal(text.toString()) + 0.0) ? RowCheck.Rule.HOLDS : RowCheck.Rule.BREAKS;
                } catch (InvalidValueException notANumber) {
                    return RowCheck.Rule.BREAKS;
                }
            }
            return RowCheck.Rule.BREAKS;
        });
    }

    private Check regex(Expectation e, int column) {
        // patterns were validated by the parser; matched by a DFA in linear time where possible
        Predicate<CharSequence> matcher = TextPattern.compile(e.pattern()).matcher();
        return new RowCheck(e, column, maxSamples, "values matching /" + e.pattern() + "/", row -> {
            CharSequence text = row.chars(column);
            if (text == null) {
                return RowCheck.Rule.SKIP;
            }
            return matcher.test(text) ? RowCheck.Rule.HOLDS : RowCheck.Rule.BREAKS;
        });
    }

    private Check length(Expectation e, int column) {
        long min = e.min() == null ? 0 : Long.parseLong(e.min());
        long max = e.max() == null ? Long.MAX_VALUE : Long.parseLong(e.max());
        return new RowCheck(e, column, maxSamples, "lengths in " + range(e.min(), e.max()), row -> {
            CharSequence text = row.chars(column);
            if (text == null) {
                return RowCheck.Rule.SKIP;
            }
            int length = Character.codePointCount(text, 0, text.length());
            return length >= min && length <= max ? RowCheck.Rule.HOLDS : RowCheck.Rule.BREAKS;
        });
    }

    private Check dateRange(Expectation e, int column) {
        long min;
        long max;
        try {
            min = e.min() == null ? Long.MIN_VALUE + 1 : Values.parseInstantMicros(e.min());
            max = e.max() == null ? Long.MAX_VALUE : Values.parseInstantMicros(e.max());
        } catch (InvalidValueException checkedByTheParser) {
            throw new IllegalStateException(checkedByTheParser);
        }
        boolean exclusive = e.maxExclusive();
        String range = "[" + (e.min() == null ? "-inf" : e.min()) + ", " + (e.max() == null ? "+inf" : e.max())
                + (exclusive ? ")" : "]");
        return new RowCheck(e, column, maxSamples, "dates in " + range, row -> {
            long value = row.instant(column);
            if (value == Row.NO_INSTANT) {
                return RowCheck.Rule.SKIP;
            }
            boolean held = value >= min && (exclusive ? value < max : value <= max);
            return held ? RowCheck.Rule.HOLDS : RowCheck.Rule.BREAKS;
        });
    }

    private static String range(String min, String max) {
        return "[" + (min == null ? "-inf" : min) + ", " + (max == null ? "+inf" : max) + "]";
    }
}
