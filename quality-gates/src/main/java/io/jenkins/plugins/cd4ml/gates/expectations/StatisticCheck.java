package io.jenkins.plugins.cd4ml.gates.expectations;

import io.jenkins.plugins.cd4ml.data.Values;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.util.List;
import org.apache.datasketches.hll.HllSketch;

/**
 * A statistic of one column that must lie in {@code [min, max]}: mean, sample standard deviation,
 * minimum, maximum (exact, one pass, Welford's update), a quantile (a deterministic
 * {@link QuantileSketch}, k = 4096: exact up to 4096 values, worst-case rank error 0.27% at ten
 * million), or the distinct
 * count (exact up to {@value #EXACT_DISTINCT_LIMIT} distinct values, then a HyperLogLog sketch with
 * lgK = 14: relative standard error about 0.8%).
 */
final class StatisticCheck extends Check {
    static final int EXACT_DISTINCT_LIMIT = 1_000_000;
    static final int QUANTILE_K = 4096;
    private static final int HLL_LG_K = 14;

    private final int column;
    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private QuantileSketch quantiles;
    private LongHashSet distinct;
    private HllSketch distinctSketch;

    private final int exactDistinctLimit;

    StatisticCheck(Expectation expectation, int column) {
        this(expectation, column, EXACT_DISTINCT_LIMIT);
    }

    StatisticCheck(Expectation expectation, int column, int exactDistinctLimit) {
        super(expectation);
        this.column = column;
        this.exactDistinctLimit = exactDistinctLimit;
        switch (expectation.type()) {
            case QUANTILE -> quantiles = new QuantileSketch(QUANTILE_K);
            case DISTINCT_COUNT -> distinct = new LongHashSet();
            default -> {
                // moments only
            }
        }
    }

    @Override
    void accept(Row row) throws InvalidInputException {
        if (distinct != null || distinctSketch != null) {
            CharSequence text = row.chars(column);
            if (text != null) {
                count++;
                addDistinct(UniqueCheck.key(text));
            }
            return;
        }
        double value = row.number(column);
        if (Double.isNaN(value)) {
            return;
        }
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
        if (quantiles != null) {
            quantiles.update(value);
        }
    }

    private void addDistinct(long key) {
        if (distinctSketch != null) {
            distinctSketch.update(key);
            return;
        }
        distinct.add(key);
        if (distinct.size() > exactDistinctLimit) {
            distinctSketch = new HllSketch(HLL_LG_K);
            distinct.forEach(distinctSketch::update);
            distinct = null;
        }
    }

    @Override
    ExpectationResult result(long rows) {
        String bounds = "[" + (expectation.min() == null ? "-inf" : expectation.min()) + ", "
                + (expectation.max() == null ? "+inf" : expectation.max()) + "]";
        String what = switch (expectation.type()) {
            case MEAN -> "mean";
            case STDDEV -> "standard deviation";
            case MIN -> "minimum";
            case MAX -> "maximum";
            case QUANTILE -> "quantile " + Values.formatNumber(expectation.quantile());
            default -> "distinct count";
        };
        String threshold = what + " in " + bounds;
        Double value = observed();
        if (value == null) {
            return new ExpectationResult(expectation.name(), expectation.type().id(), expectation.columns(),
                    expectation.severity(), status(false), "no non-null values (the " + what + " is undefined)",
                    threshold, null, count, 0, List.of());
        }
        boolean held = (expectation.min() == null || value >= Double.parseDouble(expectation.min()))
                && (expectation.max() == null || value <= Double.parseDouble(expectation.max()));
        String observed = what + " " + Values.formatNumber(value) + " over " + count + " values"
                + (distinctSketch != null ? " (HyperLogLog estimate)" : "")
                + (quantiles != null && quantiles.isEstimate() ? " (sketch estimate, rank error at most "
                        + percent(Math.round(quantiles.rankErrorBound() * 1e6), 1_000_000) + ")" : "");
        return new ExpectationResult(expectation.name(), expectation.type().id(), expectation.columns(),
                expectation.severity(), status(held), observed, threshold, value, count, 0, List.of());
    }

    private Double observed() {
        if (expectation.type() == ExpectationType.DISTINCT_COUNT) {
            return distinctSketch != null ? Math.rint(distinctSketch.getEstimate()) : (double) distinct.size();
        }
        if (count == 0 || expectation.type() == ExpectationType.STDDEV && count < 2) {
            return null;
        }
        return switch (expectation.type()) {
            case MEAN -> mean;
            case STDDEV -> Math.sqrt(m2 / (count - 1));
            case MIN -> min;
            case MAX -> max;
            default -> quantiles.quantile(expectation.quantile());
        };
    }
}
