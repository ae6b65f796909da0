package io.jenkins.plugins.cd4ml.gates.expectations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds of expectation an expectations file may declare, with the keys each accepts. Keys
 * shared by all: {@code type}, {@code name}, {@code severity}; row-level kinds also take
 * {@code mostly}.
 */
public enum ExpectationType {
    /** The table has a column. */
    COLUMN_EXISTS("column_exists", false, Set.of("column"), Set.of()),
    /** The header equals a list of names, in order. */
    COLUMNS_MATCH("columns_match", false, Set.of("columns"), Set.of()),
    /** Every non-null value parses as a {@code column_type}. */
    TYPE("type", true, Set.of("column", "column_type"), Set.of()),
    /** Values are present. */
    NOT_NULL("not_null", true, Set.of("column"), Set.of()),
    /** Non-null values are distinct. */
    UNIQUE("unique", true, Set.of("column"), Set.of()),
    /** Numeric values lie between {@code min} and {@code max} (inclusive unless {@code *_exclusive}). */
    BETWEEN("between", true, Set.of("column"), Set.of("min", "max", "min_exclusive", "max_exclusive")),
    /** Values belong to a set. */
    IN_SET("in_set", true, Set.of("column", "values"), Set.of()),
    /** Values fully match a regular expression. */
    REGEX("regex", true, Set.of("column", "pattern"), Set.of()),
    /** Value lengths (in characters) lie in {@code [min, max]}. */
    LENGTH("length", true, Set.of("column"), Set.of("min", "max")),
    /** Dates or timestamps lie between {@code min} (inclusive) and {@code max} (inclusive unless {@code max_exclusive}). */
    DATE_RANGE("date_range", true, Set.of("column"), Set.of("min", "max", "max_exclusive")),
    /** {@code left op right} holds on every row where both are present. */
    COMPARE("compare", true, Set.of("left", "op", "right"), Set.of()),
    /** The number of data rows lies in {@code [min, max]}. */
    ROW_COUNT("row_count", false, Set.of(), Set.of("min", "max")),
    /** The mean of a numeric column. */
    MEAN("mean", false, Set.of("column"), Set.of("min", "max")),
    /** The sample standard deviation (n - 1) of a numeric column. */
    STDDEV("stddev", false, Set.of("column"), Set.of("min", "max")),
    /** The smallest value of a numeric column. */
    MIN("min", false, Set.of("column"), Set.of("min", "max")),
    /** The largest value of a numeric column. */
    MAX("max", false, Set.of("column"), Set.of("min", "max")),
    /** A quantile (exact up to 4096 values, then a deterministic sketch) of a numeric column. */
    QUANTILE("quantile", false, Set.of("column", "quantile"), Set.of("min", "max")),
    /** The number of distinct non-null values. */
    DISTINCT_COUNT("distinct_count", false, Set.of("column"), Set.of("min", "max"));

    private static final Set<String> COMMON = Set.of("type", "name", "severity");

    private final String id;
    private final boolean rowLevel;
    private final Set<String> required;
    private final Set<String> optional;

    ExpectationType(String id, boolean rowLevel, Set<String> required, Set<String> optional) {
        this.id = id;
        this.rowLevel = rowLevel;
        this.required = required;
        this.optional = optional;
    }

    /** @return the name in expectations files, e.g. {@code not_null} */
    public String id() {
        return id;
    }

    /** @return whether it judges each row (and so accepts {@code mostly} and reports samples) */
    public boolean isRowLevel() {
        return rowLevel;
    }

    /** @return the keys it requires besides {@code type} */
    public Set<String> requiredKeys() {
        return required;
    }

    /** @return every key it accepts */
    public Set<String> allowedKeys() {
        Set<String> all = new java.util.TreeSet<>(COMMON);
        all.addAll(required);
        all.addAll(optional);
        if (rowLevel) {
            all.add("mostly");
        }
        return all;
    }

    /**
     * @param id the name in a file
     * @return the type, or null when unknown
     */
    public static ExpectationType byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(key)).findFirst().orElse(null);
    }

    /** @return every id, comma-separated, for error messages */
    public static String allIds() {
        return Arrays.stream(values()).map(ExpectationType::id).collect(Collectors.joining(", "));
    }
}
