package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.List;

/**
 * Binary summaries of many bootstrap resamples, fast: the columns of the candidate and of the
 * baseline are laid out once in the candidate's descending-score order, so each resample is one
 * sequential pass per model (the candidate's ranking curve accumulates as it goes, the
 * baseline's visits the rows in its own score order through a precomputed permutation). Weights
 * are given per position of that order; since bootstrap weights are independent and identically
 * distributed, which row gets which weight only has to be fixed, not meaningful.
 */
public final class BinaryResampler {
    private final int size;
    private final int[] order;
    private final byte[] actual;
    private final Model candidate;
    private final Model baseline;

    /**
     * One model: its predicted classes in the layout order, and its score-based columns in its own
     * descending-score order (so a resample reads them sequentially and gathers only weights).
     */
    private static final class Model {
        final byte[] predicted;
        /** Layout positions by this model's descending score; null without scores. */
        final int[] rankOrder;
        final boolean rankOrderIsLayout;
        final byte[] actualRanked;
        final double[] logLossRanked;
        final double[] brierRanked;
        /** 1 where the ranked sequence starts a new distinct score. */
        final byte[] newScore;

        Model(byte[] predicted, int[] rankOrder, boolean rankOrderIsLayout, byte[] actualRanked,
                double[] logLossRanked, double[] brierRanked, byte[] newScore) {
            this.predicted = predicted;
            this.rankOrder = rankOrder;
            this.rankOrderIsLayout = rankOrderIsLayout;
            this.actualRanked = actualRanked;
            this.logLossRanked = logLossRanked;
            this.brierRanked = brierRanked;
            this.newScore = newScore;
        }
    }

    private BinaryResampler(int[] order, byte[] actual, Model candidate, Model baseline) {
        this.size = order.length;
        this.order = order;
        this.actual = actual;
        this.candidate = candidate;
        this.baseline = baseline;
    }

    /**
     * Lays out the columns.
     *
     * @param candidate the candidate's predictions
     * @param baseline the baseline's predictions on the same rows, or {@code null}
     * @return the resampler
     */
    public static BinaryResampler of(BinaryPredictions candidate, BinaryPredictions baseline) {
        int rows = candidate.size();
        ScoreRanking candidateRanking = candidate.score() == null ? null : ScoreRanking.of(candidate.score());
        int[] order = candidateRanking == null ? identity(rows) : candidateRanking.descendingOrder();
        byte[] actual = permute(candidate.actual(), order);
        return new BinaryResampler(order, actual, model(candidate, order, candidateRanking != null),
                baseline == null ? null : model(baseline, order, false));
    }

    private static Model model(BinaryPredictions predictions, int[] order, boolean layoutIsRankOrder) {
        int rows = order.length;
        byte[] predicted = permute(predictions.predicted(), order);
        if (predictions.score() == null) {
            return new Model(predicted, null, false, null, null, null, null);
        }
        double[] scoreInLayout = new double[rows];
        for (int i = 0; i < rows; i++) {
            scoreInLayout[i] = predictions.score()[order[i]];
        }
        ScoreRanking ranking = ScoreRanking.of(scoreInLayout);
        int[] rankOrder = ranking.descendingOrder();
        byte[] actualRanked = new byte[rows];
        double[] logLoss = new double[rows];
        double[] brier = new double[rows];
        byte[] newScore = new byte[rows];
        for (int j = 0; j < rows; j++) {
            int row = order[rankOrder[j]];
            double score = predictions.score()[row];
            boolean positive = predictions.actual()[row] == 1;
            actualRanked[j] = (byte) (positive ? 1 : 0);
            logLoss[j] = BinarySummary.logLoss(positive, score);
            double error = (positive ? 1 : 0) - score;
            brier[j] = score >= 0 && score <= 1 ? error * error : Double.NaN;
            newScore[j] = (byte) (j == 0 || ranking.rank(rankOrder[j]) != ranking.rank(rankOrder[j - 1]) ? 1 : 0);
        }
        return new Model(predicted, rankOrder, layoutIsRankOrder, actualRanked, logLoss, brier, newScore);
    }

    /** @return the number of rows */
    public int size() {
        return size;
    }

    /**
     * Puts a per-row column into this resampler's order (for groups and slice masks).
     *
     * @param values one value per original row
     * @return the values by position
     */
    public int[] inOrder(int[] values) {
        int[] ordered = new int[size];
        for (int i = 0; i < size; i++) {
            ordered[i] = values[order[i]];
        }
        return ordered;
    }

    /**
     * Summarizes one resample for the candidate and the baseline.
     *
     * @param weights the weight of each position
     * @param groups the group of each position ({@link #inOrder}), or {@code null}
     * @param groupCount the number of groups (1 without groups)
     * @param scores whether to compute the score-based metrics
     * @return {candidate, baseline} summaries; the baseline's is {@code null} without a baseline
     */
    public BinarySummary[] summarize(int[] weights, int[] groups, int groupCount, boolean scores) {
        long[] countsCandidate = new long[4 * groupCount];
        long[] countsBaseline = baseline == null ? null : new long[4 * groupCount];
        byte[] predictedC = candidate.predicted;
        byte[] predictedB = baseline == null ? null : baseline.predicted;
        for (int i = 0; i < size; i++) {
            int w = weights[i];
            int base = groups == null ? 0 : 4 * groups[i];
            int a = 2 * actual[i];
            countsCandidate[base + a + predictedC[i]] += w;
            if (predictedB != null) {
                countsBaseline[base + a + predictedB[i]] += w;
            }
        }
        BinarySummary c = finish(countsCandidate, groups != null, groupCount,
                scores ? scoring(candidate, weights) : null);
        BinarySummary b = baseline == null ? null : finish(countsBaseline, groups != null, groupCount,
                scores ? scoring(baseline, weights) : null);
        return new BinarySummary[] {c, b};
    }

    /** @return {auc, ap, logLoss, brier} of one model, or null without scores */
    private double[] scoring(Model model, int[] weights) {
        if (model.rankOrder == null) {
            return null;
        }
        double logLoss = 0;
        double brier = 0;
        long total = 0;
        int[] rankOrder = model.rankOrder;
        boolean sequential = model.rankOrderIsLayout;
        byte[] newScore = model.newScore;
        byte[] actualRanked = model.actualRanked;
        double[] rowLogLoss = model.logLossRanked;
        double[] rowBrier = model.brierRanked;
        // RankingCurve.add per distinct score, written without branches: a tie group is flushed
        // (multiplied by isNew) when the next one starts, so unpredictable ties cost no mispredictions
        long positivesAbove = 0;
        long negativesAbove = 0;
        long concordantTimesTwo = 0;
        double precisionSum = 0;
        long groupPositives = 0;
        long groupNegatives = 0;
        for (int j = 0; j < size; j++) {
            int w = weights[sequential ? j : rankOrder[j]];
            long isNew = newScore[j];
            concordantTimesTwo += isNew * groupNegatives * (2 * positivesAbove + groupPositives);
            positivesAbove += isNew * groupPositives;
            negativesAbove += isNew * groupNegatives;
            precisionSum += isNew * groupPositives
                    * ((double) positivesAbove / Math.max(1, positivesAbove + negativesAbove));
            groupPositives = groupPositives * (1 - isNew) + actualRanked[j] * w;
            groupNegatives = groupNegatives * (1 - isNew) + (1 - actualRanked[j]) * w;
            total += w;
            logLoss += w * rowLogLoss[j];
            brier += w * rowBrier[j];
        }
        concordantTimesTwo += groupNegatives * (2 * positivesAbove + groupPositives);
        positivesAbove += groupPositives;
        negativesAbove += groupNegatives;
        precisionSum += groupPositives * ((double) positivesAbove / Math.max(1, positivesAbove + negativesAbove));
        RankingCurve curve = RankingCurve.fromTotals(positivesAbove, negativesAbove, concordantTimesTwo, precisionSum);
        return new double[] {curve.rocAuc(), curve.averagePrecision(), logLoss / total, brier / total};
    }

    private static BinarySummary finish(long[] counts, boolean grouped, int groupCount, double[] scoring) {
        long[] total = new long[4];
        ConfusionMatrix[] byGroup = new ConfusionMatrix[grouped ? groupCount : 0];
        for (int g = 0; g < groupCount; g++) {
            for (int cell = 0; cell < 4; cell++) {
                total[cell] += counts[4 * g + cell];
            }
            if (grouped) {
                byGroup[g] = ConfusionMatrix.fromCounts(counts, 4 * g);
            }
        }
        return new BinarySummary(ConfusionMatrix.fromCounts(total, 0), List.of(byGroup),
                scoring == null ? Double.NaN : scoring[0], scoring == null ? Double.NaN : scoring[1],
                scoring == null ? Double.NaN : scoring[2], scoring == null ? Double.NaN : scoring[3]);
    }

    private static int[] identity(int rows) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        return order;
    }

    private static byte[] permute(byte[] values, int[] order) {
        byte[] permuted = new byte[order.length];
        for (int i = 0; i < order.length; i++) {
            permuted[i] = values[order[i]];
        }
        return permuted;
    }
}
