package io.jenkins.plugins.cd4ml.data;

/**
 * Infers a column's type from its values, one value at a time (constant memory). A column starts
 * as "anything" and is narrowed by each non-null value: integers widen to decimals, any other
 * mismatch falls back to string. A column with only nulls is a string.
 */
public final class TypeInference {
    private boolean integer = true;
    private boolean decimal = true;
    private boolean bool = true;
    private boolean date = true;
    private boolean timestamp = true;
    private long values;

    /**
     * @param text a non-null cell text
     */
    public void accept(String text) {
        values++;
        if (integer && Values.check(ColumnType.INTEGER, text) != null) {
            integer = false;
        }
        if (decimal && !integer && Values.check(ColumnType.DECIMAL, text) != null) {
            decimal = false;
        }
        if (bool && Values.check(ColumnType.BOOLEAN, text) != null) {
            bool = false;
        }
        if (date && Values.check(ColumnType.DATE, text) != null) {
            date = false;
        }
        if (timestamp && Values.check(ColumnType.TIMESTAMP, text) != null) {
            timestamp = false;
        }
    }

    /** @return the narrowest type every value seen so far belongs to */
    public ColumnType type() {
        if (values == 0) {
            return ColumnType.STRING;
        }
        if (integer) {
            return ColumnType.INTEGER;
        }
        if (decimal) {
            return ColumnType.DECIMAL;
        }
        if (bool) {
            return ColumnType.BOOLEAN;
        }
        if (date) {
            return ColumnType.DATE;
        }
        if (timestamp) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.STRING;
    }
}
