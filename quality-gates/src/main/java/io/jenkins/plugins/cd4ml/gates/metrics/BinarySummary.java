package io.jenkins.plugins.cd4ml.gates.metrics;

import io.jenkins.plugins.cd4ml.data.SideThread;
import java.util.List;

/**
 * Sufficient statistics of a binary classifier: the confusion matrix overall and per group, the
 * ranking curve of the scores, and the mean log loss and Brier score.
 *
 * @param confusion the confusion matrix of all rows
 * @param byGroup the confusion matrix of each group (empty without groups)
 * @param rocAuc ROC AUC of the scores; NaN without scores or without both classes
 * @param averagePrecision average precision of the scores; NaN without scores or positive rows
 * @param logLoss mean log loss of the scores as probabilities; NaN without scores
 * @param brier mean Brier score; NaN without scores or when a score lies outside [0, 1]
 */
public record BinarySummary(ConfusionMatrix confusion, List<ConfusionMatrix> byGroup, double rocAuc,
        double averagePrecision, double logLoss, double brier) implements MetricSummary {
    /** scikit-learn 1.2.1 {@code log_loss(eps="auto")}: float64 machine epsilon. */
    static final double LOG_LOSS_EPS = Math.ulp(1.0);
    /** From this many rows on, the losses are summed on a thread of their own. */
    private static final int PARALLEL_LOSSES = 1 << 18;

    @Override
    public long rows() {
        return confusion.total();
    }

    @Override
    public long[] groupSizes() {
        return byGroup.stream().mapToLong(ConfusionMatrix::total).toArray();
    }

    /**
     * Summarizes every row once, unweighted: the fast path for a whole dataset.
     *
     * @param predictions the predictions
     * @param groups the groups, or {@code null}
     * @return the summary
     */
    public static BinarySummary of(BinaryPredictions predictions, Groups groups) {
        byte[] actual = predictions.actual();
        double[] score = predictions.score();
        long[] counts = confusionCounts(predictions, groups);
        if (score == null) {
            return assemble(counts, groups, null, Double.NaN, Double.NaN);
        }
        ConfusionMatrix all = confusionOf(counts, groups == null ? 1 : groups.count());
        // the losses (a logarithm per row) are summed beside the split and sort, in row order as ever
        Losses[] losses = new Losses[1];
        SideThread side = actual.length < PARALLEL_LOSSES ? null
                : SideThread.start("cd4ml-log-loss", () -> losses[0] = Losses.of(actual, score));
        double[] positives = new double[(int) all.positives()];
        double[] negatives = new double[(int) all.negatives()];
        int p = 0;
        int n = 0;
        for (int row = 0; row < actual.length; row++) {
            if (actual[row] == 1) {
                positives[p++] = score[row];
            } else {
                negatives[n++] = score[row];
            }
        }
        RankingCurve curve = RankingCurve.ofScores(positives, p, negatives, n);
        if (side == null) {
            losses[0] = Losses.of(actual, score);
        } else {
            side.await();
        }
        return assemble(counts, groups, curve, losses[0].logLoss(), losses[0].brier());
    }

    /** Mean log loss and Brier score (NaN unless every score is a probability) of unweighted rows. */
    private record Losses(double logLoss, double brier) {
        static Losses of(byte[] actual, double[] score) {
            double logLoss = 0;
            double brier = 0;
            boolean probabilities = true;
            for (int row = 0; row < actual.length; row++) {
                double s = score[row];
                boolean positive = actual[row] == 1;
                logLoss += BinarySummary.logLoss(positive, s);
                double error = (positive ? 1 : 0) - s;
                brier += error * error;
                probabilities &= s >= 0 && s <= 1;
            }
            return new Losses(logLoss / actual.length, probabilities ? brier / actual.length : Double.NaN);
        }
    }

    /**
     * This summary of all rows, unweighted, with other groups: the same as {@link #of} with those
     * groups, reusing the score-based statistics (which do not depend on the groups) instead of
     * sorting the scores again.
     *
     * @param predictions the predictions this summary was made of by {@link #of}
     * @param groups the groups, or {@code null}
     * @return the summary
     */
    public BinarySummary regrouped(BinaryPredictions predictions, Groups groups) {
        long[] counts = confusionCounts(predictions, groups);
        int groupCount = groups == null ? 1 : groups.count();
        return new BinarySummary(confusionOf(counts, groupCount),
                groups == null ? List.of() : perGroup(counts, groupCount), rocAuc, averagePrecision, logLoss, brier);
    }

    /** @return per group, the counts of (actual, predicted) pairs: four cells a group, unweighted */
    private static long[] confusionCounts(BinaryPredictions predictions, Groups groups) {
        byte[] actual = predictions.actual();
        byte[] predicted = predictions.predicted();
        int[] groupOfRow = groups == null ? null : groups.groupOfRow();
        long[] counts = new long[4 * (groups == null ? 1 : groups.count())];
        for (int row = 0; row < actual.length; row++) {
            int group = groupOfRow == null ? 0 : groupOfRow[row];
            counts[4 * group + 2 * actual[row] + predicted[row]]++;
        }
        return counts;
    }

    /**
     * Summarizes weighted rows (a bootstrap resample, a slice as 0/1 weights).
     *
     * @param predictions the predictions
     * @param groups the groups, or {@code null}
     * @param scoring per-row ranks and losses precomputed by {@link BinaryScoring#of}, or
     *     {@code null} to skip the score-based metrics
     * @param weights the weight of each row
     * @return the summary
     */
    public static BinarySummary weighted(BinaryPredictions predictions, Groups groups, BinaryScoring scoring,
            int[] weights) {
        byte[] actual = predictions.actual();
        byte[] predicted = predictions.predicted();
        int[] groupOfRow = groups == null ? null : groups.groupOfRow();
        long[] counts = new long[4 * (groups == null ? 1 : groups.count())];
        double logLoss = 0;
        double brier = 0;
        double[] rowLogLoss = scoring == null ? null : scoring.rowLogLoss();
        double[] rowBrier = scoring == null ? null : scoring.rowBrier();
        for (int row = 0; row < actual.length; row++) {
            int weight = weights[row];
            if (weight == 0) {
                continue;
            }
            int group = groupOfRow == null ? 0 : groupOfRow[row];
            counts[4 * group + 2 * actual[row] + predicted[row]] += weight;
            if (rowLogLoss != null) {
                logLoss += weight * rowLogLoss[row];
                brier += weight * rowBrier[row];
            }
        }
        if (scoring == null) {
            return assemble(counts, groups, null, Double.NaN, Double.NaN);
        }
        RankingCurve curve = scoring.ranking().curve(actual, weights);
        long total = confusionOf(counts, groups == null ? 1 : groups.count()).total();
        return assemble(counts, groups, curve, logLoss / total, brier / total);
    }

    /**
     * The log loss of one row, as scikit-learn 1.2.1 computes it: the probability is clipped to
     * [eps, 1 - eps], paired with its complement and renormalized.
     *
     * @param positive whether the label is positive
     * @param score the predicted probability of the positive label
     * @return the row's loss
     */
    static double logLoss(boolean positive, double score) {
        double p = Math.min(Math.max(score, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
        double complement = 1 - p;
        double sum = complement + p;
        return -Math.log((positive ? p : complement) / sum);
    }

    private static BinarySummary assemble(long[] counts, Groups groups, RankingCurve curve, double logLoss,
            double brier) {
        int groupCount = groups == null ? 1 : groups.count();
        ConfusionMatrix all = confusionOf(counts, groupCount);
        List<ConfusionMatrix> byGroup = groups == null ? List.of() : perGroup(counts, groupCount);
        return new BinarySummary(all, byGroup,
                curve == null ? Double.NaN : curve.rocAuc(),
                curve == null ? Double.NaN : curve.averagePrecision(),
                logLoss, brier);
    }

    private static ConfusionMatrix confusionOf(long[] counts, int groupCount) {
        long[] total = new long[4];
        for (int group = 0; group < groupCount; group++) {
            for (int cell = 0; cell < 4; cell++) {
                total[cell] += counts[4 * group + cell];
            }
        }
        return ConfusionMatrix.fromCounts(total, 0);
    }

    private static List<ConfusionMatrix> perGroup(long[] counts, int groupCount) {
        ConfusionMatrix[] matrices = new ConfusionMatrix[groupCount];
        for (int group = 0; group < groupCount; group++) {
            matrices[group] = ConfusionMatrix.fromCounts(counts, 4 * group);
        }
        return List.of(matrices);
    }

    /** @return the values of a per-group rate, NaN where undefined */
    double[] perGroup(java.util.function.ToDoubleFunction<ConfusionMatrix> rate) {
        return byGroup.stream().mapToDouble(rate).toArray();
    }
}
