package io.jenkins.plugins.cd4ml.gates.metrics;

/**
 * A binary classifier's predictions: labels and predicted classes as 0/1, and the score of the
 * positive class when available.
 *
 * @param actual 1 where the label is the positive label, else 0
 * @param predicted 1 where the model predicts the positive label, else 0
 * @param score the score of the positive label per row, or {@code null} without a score column
 */
public record BinaryPredictions(byte[] actual, byte[] predicted, double[] score) implements ModelPredictions {
    @Override
    public int size() {
        return actual.length;
    }

    @Override
    public Task task() {
        return Task.BINARY;
    }
}
