package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An evaluation dataset in memory as primitive columns: the candidate's predictions, optionally
 * a baseline model's predictions for the same rows, and categorical columns for groups and slices.
 *
 * @param source the file the rows came from
 * @param spec how the columns were read
 * @param candidate the candidate model's predictions
 * @param baseline the baseline model's predictions for the same rows, or {@code null}
 * @param categorical the categorical columns read, by name
 * @param ids the row ids when {@code spec.id()} is set, else {@code null}
 */
public record EvaluationData(String source, PredictionSpec spec, ModelPredictions candidate,
        ModelPredictions baseline, Map<String, CategoricalColumn> categorical, String[] ids) {

    /** @return the number of rows */
    public int size() {
        return candidate.size();
    }

    /**
     * The groups formed by one or more categorical columns.
     *
     * @param columns the columns, each read as categorical
     * @return the groups, or {@code null} for no columns
     */
    public Groups groups(List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            return null;
        }
        List<int[]> codes = new ArrayList<>();
        List<List<String>> dictionaries = new ArrayList<>();
        for (String column : columns) {
            CategoricalColumn values = categorical.get(column);
            if (values == null) {
                throw new IllegalArgumentException("column '" + column + "' was not read as categorical");
            }
            codes.add(values.codes());
            dictionaries.add(values.values());
        }
        return Groups.intersect(columns, codes, dictionaries);
    }

    /** @return the same data with the baseline replaced */
    public EvaluationData withBaseline(ModelPredictions newBaseline) {
        return new EvaluationData(source, spec, candidate, newBaseline, categorical, ids);
    }
}
