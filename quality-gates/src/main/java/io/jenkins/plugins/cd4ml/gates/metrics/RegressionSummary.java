package io.jenkins.plugins.cd4ml.gates.metrics;

/**
 * Sufficient statistics of a regression model: weighted sums of errors and the spread of the
 * true values (Welford's update, so R² stays accurate on large files), plus per-group absolute
 * errors.
 *
 * @param rows the number (weight) of rows
 * @param absoluteError sum of |prediction - actual|
 * @param squaredError sum of (actual - prediction)²
 * @param percentageError sum of |prediction - actual| / max(|actual|, eps)
 * @param actualSquares sum of squared deviations of the actual values from their mean
 * @param groupRows rows per group (empty without groups)
 * @param groupAbsoluteError sum of absolute errors per group (empty without groups)
 */
public record RegressionSummary(long rows, double absoluteError, double squaredError, double percentageError,
        double actualSquares, long[] groupRows, double[] groupAbsoluteError) implements MetricSummary {
    /** scikit-learn's {@code mean_absolute_percentage_error} floor on |actual|: float64 epsilon. */
    static final double MAPE_EPS = Math.ulp(1.0);

    /**
     * Summarizes rows, optionally weighted.
     *
     * @param predictions the predictions
     * @param groups the groups, or {@code null}
     * @param weights the weight of each row, or {@code null} for 1 each
     * @return the summary
     */
    public static RegressionSummary of(RegressionPredictions predictions, Groups groups, int[] weights) {
        double[] actual = predictions.actual();
        double[] predicted = predictions.predicted();
        int groupCount = groups == null ? 0 : groups.count();
        long[] groupRows = new long[groupCount];
        double[] groupAbsolute = new double[groupCount];
        int[] groupOfRow = groups == null ? null : groups.groupOfRow();
        long rows = 0;
        double absolute = 0;
        double squared = 0;
        double percentage = 0;
        double mean = 0;
        double spread = 0;
        for (int row = 0; row < actual.length; row++) {
            int weight = weights == null ? 1 : weights[row];
            if (weight == 0) {
                continue;
            }
            double y = actual[row];
            double error = y - predicted[row];
            double absoluteError = Math.abs(error);
            rows += weight;
            absolute += weight * absoluteError;
            squared += weight * error * error;
            percentage += weight * (absoluteError / Math.max(Math.abs(y), MAPE_EPS));
            double delta = y - mean;
            mean += delta * weight / rows;
            spread += weight * delta * (y - mean);
            if (groupOfRow != null) {
                groupRows[groupOfRow[row]] += weight;
                groupAbsolute[groupOfRow[row]] += weight * absoluteError;
            }
        }
        return new RegressionSummary(rows, absolute, squared, percentage, spread, groupRows, groupAbsolute);
    }

    @Override
    public long[] groupSizes() {
        return groupRows.clone();
    }

    /** @return root mean squared error */
    public double rmse() {
        return Math.sqrt(squaredError / rows);
    }

    /** @return mean absolute error */
    public double mae() {
        return absoluteError / rows;
    }

    /** @return mean absolute percentage error as a fraction */
    public double mape() {
        return percentageError / rows;
    }

    /** @return R², 1.0 for a perfect fit of constant data and 0.0 for an imperfect one (scikit-learn's force_finite) */
    public double r2() {
        if (actualSquares == 0) {
            return squaredError == 0 ? 1.0 : 0.0;
        }
        return 1 - squaredError / actualSquares;
    }

    /** @return mean absolute error of each group */
    public double[] maeByGroup() {
        double[] mae = new double[groupRows.length];
        for (int g = 0; g < mae.length; g++) {
            mae[g] = groupRows[g] == 0 ? Double.NaN : groupAbsoluteError[g] / groupRows[g];
        }
        return mae;
    }
}
