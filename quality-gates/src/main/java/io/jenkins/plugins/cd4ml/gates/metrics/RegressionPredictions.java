package io.jenkins.plugins.cd4ml.gates.metrics;

/**
 * A regression model's predictions.
 *
 * @param actual the true value of each row
 * @param predicted the predicted value of each row
 */
public record RegressionPredictions(double[] actual, double[] predicted) implements ModelPredictions {
    @Override
    public int size() {
        return actual.length;
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }
}
