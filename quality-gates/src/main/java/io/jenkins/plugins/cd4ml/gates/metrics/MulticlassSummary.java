package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.List;

/**
 * Sufficient statistics of a multiclass classifier: the confusion matrix and per-group accuracy
 * counts.
 *
 * @param classes the class names
 * @param confusion counts indexed by {@code actual * classes + predicted}
 * @param groupCorrect correct predictions per group (empty without groups)
 * @param groupRows rows per group (empty without groups)
 */
public record MulticlassSummary(List<String> classes, long[] confusion, long[] groupCorrect, long[] groupRows)
        implements MetricSummary {

    /**
     * Summarizes rows, optionally weighted.
     *
     * @param predictions the predictions
     * @param groups the groups, or {@code null}
     * @param weights the weight of each row, or {@code null} for 1 each
     * @return the summary
     */
    public static MulticlassSummary of(MulticlassPredictions predictions, Groups groups, int[] weights) {
        int k = predictions.classes().size();
        int[] actual = predictions.actual();
        int[] predicted = predictions.predicted();
        long[] confusion = new long[k * k];
        int groupCount = groups == null ? 0 : groups.count();
        long[] correct = new long[groupCount];
        long[] rows = new long[groupCount];
        int[] groupOfRow = groups == null ? null : groups.groupOfRow();
        for (int row = 0; row < actual.length; row++) {
            int weight = weights == null ? 1 : weights[row];
            confusion[actual[row] * k + predicted[row]] += weight;
            if (groupOfRow != null) {
                rows[groupOfRow[row]] += weight;
                if (actual[row] == predicted[row]) {
                    correct[groupOfRow[row]] += weight;
                }
            }
        }
        return new MulticlassSummary(predictions.classes(), confusion, correct, rows);
    }

    @Override
    public long rows() {
        long total = 0;
        for (long count : confusion) {
            total += count;
        }
        return total;
    }

    @Override
    public long[] groupSizes() {
        return groupRows.clone();
    }

    /** @return share of correct predictions */
    public double accuracy() {
        int k = classes.size();
        long correct = 0;
        for (int c = 0; c < k; c++) {
            correct += confusion[c * k + c];
        }
        long rows = rows();
        return rows == 0 ? Double.NaN : (double) correct / rows;
    }

    /** @return the accuracy of each group */
    public double[] accuracyByGroup() {
        double[] accuracy = new double[groupRows.length];
        for (int g = 0; g < accuracy.length; g++) {
            accuracy[g] = groupRows[g] == 0 ? Double.NaN : (double) groupCorrect[g] / groupRows[g];
        }
        return accuracy;
    }

    /**
     * Precision, recall or F1 averaged over the classes that occur as label or prediction, as
     * scikit-learn's {@code precision_recall_fscore_support} (undefined ratios count as 0).
     *
     * @param kind 0 precision, 1 recall, 2 F1
     * @param weighted weight classes by their support (else a plain mean: macro)
     * @return the average
     */
    double averaged(int kind, boolean weighted) {
        int k = classes.size();
        double sum = 0;
        double weightSum = 0;
        for (int c = 0; c < k; c++) {
            long tp = confusion[c * k + c];
            long predictedAs = 0;
            long support = 0;
            for (int other = 0; other < k; other++) {
                predictedAs += confusion[other * k + c];
                support += confusion[c * k + other];
            }
            if (predictedAs == 0 && support == 0) {
                continue; // a class absent from this data
            }
            double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            double value = kind == 0 ? precision : kind == 1 ? recall : f1;
            double weight = weighted ? support : 1;
            sum += value * weight;
            weightSum += weight;
        }
        return weightSum == 0 ? 0 : sum / weightSum;
    }
}
