package io.jenkins.plugins.cd4ml.gates.metrics;

/**
 * What weighted summaries of one model's scores reuse across resamples: the rank of each row's
 * score and each row's log loss and Brier score (NaN Brier when a score is not a probability).
 *
 * @param ranking the ranks of the scores
 * @param rowLogLoss each row's log loss
 * @param rowBrier each row's squared error
 */
public record BinaryScoring(ScoreRanking ranking, double[] rowLogLoss, double[] rowBrier) {
    /**
     * Precomputes ranks and per-row losses.
     *
     * @param predictions predictions with a score
     * @return the scoring, or {@code null} when the predictions have no score
     */
    public static BinaryScoring of(BinaryPredictions predictions) {
        double[] score = predictions.score();
        if (score == null) {
            return null;
        }
        byte[] actual = predictions.actual();
        double[] logLoss = new double[score.length];
        double[] brier = new double[score.length];
        for (int row = 0; row < score.length; row++) {
            boolean positive = actual[row] == 1;
            logLoss[row] = BinarySummary.logLoss(positive, score[row]);
            double error = (positive ? 1 : 0) - score[row];
            brier[row] = score[row] >= 0 && score[row] <= 1 ? error * error : Double.NaN;
        }
        return new BinaryScoring(ScoreRanking.of(score), logLoss, brier);
    }
}
