package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.ColumnType;
import io.jenkins.plugins.cd4ml.data.InvalidValueException;
import io.jenkins.plugins.cd4ml.data.Values;

/**
 * {@code left op right} on each row where both cells are present. Numbers compare numerically,
 * dates and timestamps chronologically (a date against a timestamp compares the timestamp's UTC
 * date), anything else as text. How is decided from the columns' {@code type} expectations, else
 * from the first row where both cells are present.
 */
final class CompareCheck extends RowCheck {
    private enum Mode { NUMBER, TIME, DAY, TEXT }

    private final int left;
    private final int right;

    CompareCheck(Expectation expectation, int left, int right, ColumnType leftType, ColumnType rightType,
            int maxSamples) {
        this(expectation, left, right, new Mode[] {mode(leftType, rightType)}, maxSamples);
    }

    private CompareCheck(Expectation expectation, int left, int right, Mode[] mode, int maxSamples) {
        super(expectation, left, maxSamples, "rows with " + expectation.column() + " " + expectation.operator().symbol()
                + " " + expectation.right(), row -> {
                    if (row.isNull(left) || row.isNull(right)) {
                        return Rule.SKIP;
                    }
                    if (mode[0] == null) {
                        mode[0] = guess(row.text(left), row.text(right));
                    }
                    int comparison;
                    switch (mode[0]) {
                        case NUMBER -> {
                            double x = row.number(left);
                            double y = row.number(right);
                            if (Double.isNaN(x) || Double.isNaN(y)) {
                                return Rule.SKIP;
                            }
                            comparison = Double.compare(x, y);
                        }
                        case TIME, DAY -> {
                            long x = row.instant(left);
                            long y = row.instant(right);
                            if (x == Row.NO_INSTANT || y == Row.NO_INSTANT) {
                                return Rule.SKIP;
                            }
                            if (mode[0] == Mode.DAY) {
                                x = Math.floorDiv(x, 86_400_000_000L);
                                y = Math.floorDiv(y, 86_400_000_000L);
                            }
                            comparison = Long.compare(x, y);
                        }
                        default -> comparison = row.text(left).compareTo(row.text(right));
                    }
                    return expectation.operator().holds(comparison) ? Rule.HOLDS : Rule.BREAKS;
                });
        this.left = left;
        this.right = right;
    }

    @Override
    String shown(Row row) {
        return abbreviate(expectation.column() + "=" + row.text(left) + ", " + expectation.right() + "=" + row.text(right));
    }

    @Override
    String noun() {
        return "rows";
    }

    private static Mode mode(ColumnType a, ColumnType b) {
        if (a == null || b == null) {
            return null;
        }
        if (a.isNumeric() && b.isNumeric()) {
            return Mode.NUMBER;
        }
        if (a.isTemporal() && b.isTemporal()) {
            return a != b ? Mode.DAY : Mode.TIME;
        }
        return Mode.TEXT;
    }

    private static Mode guess(String a, String b) {
        if (ColumnType.DECIMAL.accepts(a) && ColumnType.DECIMAL.accepts(b)) {
            return Mode.NUMBER;
        }
        try {
            Values.parseInstantMicros(a);
            Values.parseInstantMicros(b);
            return (a.length() == 10) != (b.length() == 10) ? Mode.DAY : Mode.TIME;
        } catch (InvalidValueException e) {
            return Mode.TEXT;
        }
    }
}
