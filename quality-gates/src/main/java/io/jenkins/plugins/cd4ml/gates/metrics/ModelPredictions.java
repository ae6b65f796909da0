package io.jenkins.plugins.cd4ml.gates.metrics;

/** One model's predictions for the rows of an evaluation dataset, held as primitive columns. */
public sealed interface ModelPredictions permits BinaryPredictions, MulticlassPredictions, RegressionPredictions {
    /** @return the number of rows */
    int size();

    /** @return the task these predictions are for */
    Task task();
}
