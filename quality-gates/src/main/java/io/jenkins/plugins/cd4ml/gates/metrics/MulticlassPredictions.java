package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.List;

/**
 * A multiclass classifier's predictions as class indices.
 *
 * @param actual the class index of each row's label
 * @param predicted the class index of each row's prediction
 * @param classes the class names, indexed by class index
 */
public record MulticlassPredictions(int[] actual, int[] predicted, List<String> classes) implements ModelPredictions {
    @Override
    public int size() {
        return actual.length;
    }

    @Override
    public Task task() {
        return Task.MULTICLASS;
    }
}
