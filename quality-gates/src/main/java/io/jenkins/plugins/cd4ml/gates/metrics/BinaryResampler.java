package io.jenkins.plugins.cd4ml.gates.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binary summaries of many bootstrap resamples, fast: the columns of the candidate and of the
 * baseline are laid out once in the candidate's descending-score order, so each resample is one
 * sequential pass over the candidate (its ranking curve, its losses and the confusion counts of
 * both models in every view, all at once) and one pass over the baseline in its own score order
 * (through a precomputed permutation, gathering only the one-byte weights). Two resamples share
 * these passes ({@link Plan#summarizeTwo}). Weights are given per position of that order; since
 * bootstrap weights are independent and identically distributed, which row gets which weight only
 * has to be fixed, not meaningful.
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
        /** Whether the rank order is the identity (the layout's own order, or a baseline ranking rows alike). */
        final boolean sequential;
        /** Per ranked position: bit 0 the label is positive, bit 1 a new distinct score starts here. */
        final byte[] rankedFlags;
        /**
         * Per ranked position, as masks for {@link #curve}: bit 0 a new distinct score starts here,
         * bits 1 to 7 all set where the label is positive (so that {@code mask >> 1} is 0 or -1).
         */
        final byte[] rankedMasks;
        final double[] logLossRanked;
        final double[] brierRanked;

        Model(byte[] predicted, int[] rankOrder, boolean rankOrderIsLayout, byte[] rankedFlags,
                double[] logLossRanked, double[] brierRanked) {
            this.predicted = predicted;
            this.rankOrder = rankOrder;
            this.rankOrderIsLayout = rankOrderIsLayout;
            this.sequential = rankOrderIsLayout || rankOrder != null && isIdentity(rankOrder);
            this.rankedFlags = rankedFlags;
            this.rankedMasks = rankedFlags == null ? null : masks(rankedFlags);
            this.logLossRanked = logLossRanked;
            this.brierRanked = brierRanked;
        }

        private static boolean isIdentity(int[] order) {
            for (int i = 0; i < order.length; i++) {
                if (order[i] != i) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] masks(byte[] flags) {
            byte[] masks = new byte[flags.length];
            for (int j = 0; j < flags.length; j++) {
                masks[j] = (byte) (((flags[j] & 1) == 1 ? -2 : 0) | (flags[j] >>> 1 & 1));
            }
            return masks;
        }

        boolean hasScores() {
            return rankOrder != null;
        }
    }

    /** Whether the baseline ranks, ties and labels positions as the candidate (then its curve is the candidate's). */
    private final boolean sameRanking;
    /** Whether the baseline's per-position log losses, in the same order, are the candidate's. */
    private final boolean sameLogLoss;
    /** Whether the baseline's per-position Brier errors, in the same order, are the candidate's. */
    private final boolean sameBrier;

    private BinaryResampler(int[] order, byte[] actual, Model candidate, Model baseline) {
        this.size = order.length;
        this.order = order;
        this.actual = actual;
        this.candidate = candidate;
        this.baseline = baseline;
        boolean aligned = baseline != null && candidate.hasScores() && baseline.hasScores() && baseline.sequential;
        this.sameRanking = aligned && Arrays.equals(candidate.rankedMasks, baseline.rankedMasks);
        this.sameLogLoss = aligned && Arrays.equals(candidate.logLossRanked, baseline.logLossRanked);
        this.sameBrier = aligned && Arrays.equals(candidate.brierRanked, baseline.brierRanked);
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
        return new BinaryResampler(order, actual, model(candidate, order, candidateRanking),
                baseline == null ? null : model(baseline, order, null));
    }

    /**
     * @param layoutRanking the ranking the layout was made from when it is this model's, else null
     */
    private static Model model(BinaryPredictions predictions, int[] order, ScoreRanking layoutRanking) {
        int rows = order.length;
        byte[] predicted = permute(predictions.predicted(), order);
        if (predictions.score() == null) {
            return new Model(predicted, null, false, null, null, null);
        }
        double[] scoreInLayout = new double[rows];
        for (int i = 0; i < rows; i++) {
            scoreInLayout[i] = predictions.score()[order[i]];
        }
        byte[] actualInLayout = permute(predictions.actual(), order);
        // a model ranking rows as the layout (the candidate itself, or one ordering rows alike) needs no sort:
        // the descending order with ties by position is then the identity
        ScoreRanking ranking = layoutRanking != null || nonIncreasing(scoreInLayout) ? null
                : ScoreRanking.of(scoreInLayout);
        int[] rankOrder = ranking == null ? identity(rows) : ranking.descendingOrder();
        byte[] flags = new byte[rows];
        double[] logLoss = new double[rows];
        double[] brier = new double[rows];
        for (int j = 0; j < rows; j++) {
            int position = rankOrder[j];
            double score = scoreInLayout[position];
            boolean positive = actualInLayout[position] == 1;
            boolean newScore = j == 0 || score + 0.0 != scoreInLayout[rankOrder[j - 1]] + 0.0;
            flags[j] = (byte) ((positive ? 1 : 0) | (newScore ? 2 : 0));
            logLoss[j] = BinarySummary.logLoss(positive, score);
            double error = (positive ? 1 : 0) - score;
            brier[j] = score >= 0 && score <= 1 ? error * error : Double.NaN;
        }
        return new Model(predicted, rankOrder, layoutRanking != null, flags, logLoss, brier);
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
     * Summarizes one resample for the candidate and the baseline (one view; for many resamples
     * and views use {@link #plan}).
     *
     * @param weights the weight of each position, 0 to 15
     * @param groups the group of each position ({@link #inOrder}), or {@code null}
     * @param groupCount the number of groups (1 without groups)
     * @param scores whether to compute the score-based metrics
     * @return {candidate, baseline} summaries; the baseline's is {@code null} without a baseline
     */
    public BinarySummary[] summarize(int[] weights, int[] groups, int groupCount, boolean scores) {
        byte[] bytes = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0 || weights[i] > 15) {
                throw new IllegalArgumentException("weight " + weights[i] + " at " + i + " (expected 0 to 15)");
            }
            bytes[i] = (byte) weights[i];
        }
        Plan plan = plan(List.of(new View(groups, groupCount, null, scores ? ScoreNeeds.ALL : ScoreNeeds.NONE)));
        return plan.summarize(bytes, plan.newScratch())[0];
    }

    /**
     * One view of the rows: a partition into groups and an optional slice, both by position.
     *
     * @param groupOfPosition the group of each position ({@link #inOrder}), or {@code null}
     * @param groupCount the number of groups (1 without groups)
     * @param maskOfPosition 1 where the position belongs to the slice, 0 elsewhere ({@link #inOrder}),
     *     or {@code null} for all rows
     * @param needs the score-based statistics this view needs
     */
    public record View(int[] groupOfPosition, int groupCount, int[] maskOfPosition, ScoreNeeds needs) {
    }

    /**
     * Which score-based statistics a resample computes (the others are NaN).
     *
     * @param ranking ROC AUC
     * @param averagePrecision average precision (one division per row)
     * @param logLoss mean log loss
     * @param brier mean Brier score
     */
    public record ScoreNeeds(boolean ranking, boolean averagePrecision, boolean logLoss, boolean brier) {
        /** Nothing from scores. */
        public static final ScoreNeeds NONE = new ScoreNeeds(false, false, false, false);
        /** Everything. */
        public static final ScoreNeeds ALL = new ScoreNeeds(true, true, true, true);

        boolean any() {
            return ranking || averagePrecision || logLoss || brier;
        }

        /** @return what both need */
        public ScoreNeeds or(ScoreNeeds other) {
            return new ScoreNeeds(ranking || other.ranking, averagePrecision || other.averagePrecision,
                    logLoss || other.logLoss, brier || other.brier);
        }

        /**
         * @param metric a binary metric
         * @return what it needs from scores
         */
        public static ScoreNeeds of(BinaryMetric metric) {
            return switch (metric) {
                case ROC_AUC -> new ScoreNeeds(true, false, false, false);
                case AVERAGE_PRECISION -> new ScoreNeeds(false, true, false, false);
                case LOG_LOSS -> new ScoreNeeds(false, false, true, false);
                case BRIER -> new ScoreNeeds(false, false, false, true);
                default -> NONE;
            };
        }
    }

    /**
     * Prepares the summaries of several views per resample: every view's confusion counts of both
     * models come from one histogram over a combined cell code (label, both predicted classes and
     * each view's group, or "outside the slice"), filled in the same pass as the candidate's ranking
     * curve and losses.
     *
     * @param views the views
     * @return the plan, immutable and usable from many threads (each with its own {@link Scratch})
     */
    public Plan plan(List<View> views) {
        return new Plan(views);
    }

    /** Per-thread working memory of a {@link Plan}; allocated once, reused by every resample. */
    public static final class Scratch {
        final long[][] histograms;
        /** The weights of a resample restricted to a slice. */
        final byte[] sliced;
        /** The weights in the baseline's rank order, when that is not the layout's. */
        final byte[] gathered;

        Scratch(Plan plan) {
            sliced = plan.slicedScores ? new byte[plan.size()] : null;
            gathered = plan.gathers() ? new byte[plan.size()] : null;
            histograms = new long[plan.layers.size()][];
            for (int i = 0; i < histograms.length; i++) {
                CodeLayer layer = plan.layers.get(i);
                histograms[i] = new long[layer.copies * layer.cells];
            }
        }
    }

    /**
     * Views sharing one cell code: code = cell + 8 * (sum of view digit * stride), where cell =
     * 4 * label + 2 * candidate's class + baseline's class and a view's digit is its group, or
     * groupCount outside its slice.
     */
    private static final class CodeLayer {
        /** Above this many cells per layer, views go to another layer (and pass). */
        static final int MAX_CELLS = 1 << 16;

        final List<Integer> views = new ArrayList<>();
        final List<Integer> strides = new ArrayList<>();
        final List<Integer> radices = new ArrayList<>();
        int cells = 8;
        /**
         * Per position, its counter in the histogram: its cell code in copy (position mod copies),
         * at copy * cells + code (below 2^16: four copies only up to 1 024 cells).
         */
        char[] slot;
        /** Interleaved copies of the histogram so that runs of one code do not serialize on one counter. */
        int copies;
    }

    /** The prepared passes of {@link #plan}. */
    public final class Plan {
        private final List<View> views;
        /** What the views over all rows need. */
        private final ScoreNeeds needs;
        /** Whether a sliced view needs scores (then computed on the sliced weights, per view). */
        private final boolean slicedScores;
        private final List<CodeLayer> layers = new ArrayList<>();

        Plan(List<View> views) {
            this.views = List.copyOf(views);
            ScoreNeeds all = ScoreNeeds.NONE;
            boolean sliced = false;
            for (View view : views) {
                if (view.maskOfPosition() == null) {
                    all = all.or(view.needs());
                } else {
                    sliced |= view.needs().any();
                }
            }
            this.needs = all;
            this.slicedScores = sliced;
            CodeLayer layer = new CodeLayer();
            layers.add(layer);
            for (int v = 0; v < views.size(); v++) {
                View view = views.get(v);
                int radix = view.groupCount() + (view.maskOfPosition() == null ? 0 : 1);
                if ((long) layer.cells * radix > CodeLayer.MAX_CELLS && !layer.views.isEmpty()) {
                    layer = new CodeLayer();
                    layers.add(layer);
                }
                layer.views.add(v);
                layer.strides.add(layer.cells / 8);
                layer.radices.add(radix);
                layer.cells *= radix;
            }
            for (CodeLayer l : layers) {
                l.copies = l.cells <= 1024 ? 4 : 1;
                l.slot = new char[size];
                int copyMask = l.copies - 1;
                for (int i = 0; i < size; i++) {
                    int code = 4 * actual[i] + 2 * candidate.predicted[i] + (baseline == null ? 0 : baseline.predicted[i]);
                    for (int k = 0; k < l.views.size(); k++) {
                        View view = views.get(l.views.get(k));
                        int digit = view.maskOfPosition() != null && view.maskOfPosition()[i] == 0 ? view.groupCount()
                                : view.groupOfPosition() == null ? 0 : view.groupOfPosition()[i];
                        code += 8 * digit * l.strides.get(k);
                    }
                    l.slot[i] = (char) ((i & copyMask) * l.cells + code);
                }
            }
        }

        int size() {
            return size;
        }

        boolean gathers() {
            return baseline != null && baseline.hasScores() && !baseline.sequential
                    && (needs.any() || slicedScores);
        }

        /** @return working memory for one thread */
        public Scratch newScratch() {
            return new Scratch(this);
        }

        /**
         * Summarizes one resample in every view.
         *
         * @param weights the weight of each position, 0 to 15 (Poisson(1) draws never exceed 8)
         * @param scratch this thread's working memory
         * @return per view, {candidate, baseline} summaries; the baseline's is {@code null} without one
         */
        public BinarySummary[][] summarize(byte[] weights, Scratch scratch) {
            return summarizeTwo(weights, scratch)[0];
        }

        /**
         * Summarizes two resamples in every view in the same passes: their weights are packed per
         * position in one byte, the first resample's in the low four bits, the second's in the high
         * four. Both are computed exactly as if alone (the sums of each run in their own 32-bit half
         * of a long, or in their own variables), so pairing changes no result; it halves the memory
         * traffic, above all the random reads of the baseline's pass.
         *
         * @param packed the weights of both resamples, 0 to 15 each, packed per position
         * @param scratch this thread's working memory
         * @return per resample, per view, {candidate, baseline} summaries
         */
        public BinarySummary[][][] summarizeTwo(byte[] packed, Scratch scratch) {
            for (long[] histogram : scratch.histograms) {
                Arrays.fill(histogram, 0);
            }
            double[][][] overAll = scoring(packed, needs, layers.get(0), scratch.histograms[0], scratch);
            for (int l = 1; l < layers.size(); l++) {
                histogram(packed, layers.get(l), scratch.histograms[l]);
            }
            BinarySummary[][][] summaries = new BinarySummary[2][views.size()][];
            for (int l = 0; l < layers.size(); l++) {
                CodeLayer layer = layers.get(l);
                long[] histogram = scratch.histograms[l];
                for (int k = 0; k < layer.views.size(); k++) {
                    int v = layer.views.get(k);
                    View view = views.get(v);
                    double[][][] scoring = overAll;
                    if (view.maskOfPosition() != null) {
                        scoring = new double[2][2][];
                        if (view.needs().any()) {
                            int[] mask = view.maskOfPosition();
                            byte[] sliced = scratch.sliced;
                            for (int i = 0; i < size; i++) {
                                sliced[i] = (byte) (packed[i] * mask[i]);
                            }
                            scoring = scoring(sliced, view.needs(), null, null, scratch);
                        }
                    }
                    for (int lane = 0; lane < 2; lane++) {
                        long[] countsCandidate = new long[4 * view.groupCount()];
                        long[] countsBaseline = new long[4 * view.groupCount()];
                        int stride = layer.strides.get(k);
                        int radix = layer.radices.get(k);
                        for (int code = 0; code < layer.cells; code++) {
                            long count = 0;
                            for (int c = 0; c < layer.copies; c++) {
                                count += histogram[c * layer.cells + code] >>> (32 * lane) & 0xFFFF_FFFFL;
                            }
                            int digit = (code >>> 3) / stride % radix;
                            if (count == 0 || digit >= view.groupCount()) {
                                continue;
                            }
                            int label = (code >>> 2) & 1;
                            countsCandidate[4 * digit + 2 * label + ((code >>> 1) & 1)] += count;
                            countsBaseline[4 * digit + 2 * label + (code & 1)] += count;
                        }
                        boolean grouped = view.groupOfPosition() != null;
                        summaries[lane][v] = new BinarySummary[] {
                            finish(countsCandidate, grouped, view.groupCount(), scoring[0][lane]),
                            baseline == null ? null
                                    : finish(countsBaseline, grouped, view.groupCount(), scoring[1][lane])};
                    }
                }
            }
            return summaries;
        }

        /**
         * @param layer the layer whose histogram to fill on the way, or null
         * @return {candidate, baseline} of {lane 0, lane 1} of {auc, ap, logLoss, brier}; null where a
         *     model has no scores
         */
        private double[][][] scoring(byte[] packed, ScoreNeeds needs, CodeLayer layer, long[] histogram,
                Scratch scratch) {
            if (needs.averagePrecision()) {
                return generalScoring(packed, needs, layer, histogram);
            }
            boolean candidateScores = candidate.hasScores() && needs.any();
            boolean baselineScores = baseline != null && baseline.hasScores() && needs.any();
            byte[] baselineWeights = null;
            if (baselineScores) {
                baselineWeights = baseline.sequential ? packed : gather(packed, baseline.rankOrder, scratch.gathered);
            }
            // each statistic in its own loop: the ranking curves are bound by their arithmetic, the sums
            // by their floating-point additions, and apart each runs faster than all in one loop; what
            // the baseline shares with the candidate (same order, ties, labels or losses) is computed once
            long[] candidateTotals = candidateScores ? totals(packed, candidate, needs) : null;
            // without ranking the totals are the total weight, the same for both models
            long[] baselineTotals = !baselineScores ? null
                    : candidateScores && (sameRanking || !needs.ranking()) ? candidateTotals
                    : totals(baselineWeights, baseline, needs);
            LossSums sums = new LossSums();
            int candidateLogLoss = candidateScores && needs.logLoss() ? sums.add(packed, candidate.logLossRanked) : -1;
            int candidateBrier = candidateScores && needs.brier() ? sums.add(packed, candidate.brierRanked) : -1;
            int baselineLogLoss = !baselineScores || !needs.logLoss() ? -1
                    : candidateLogLoss >= 0 && sameLogLoss ? candidateLogLoss
                    : sums.add(baselineWeights, baseline.logLossRanked);
            int baselineBrier = !baselineScores || !needs.brier() ? -1
                    : candidateBrier >= 0 && sameBrier ? candidateBrier : sums.add(baselineWeights, baseline.brierRanked);
            sums.run(layer == null ? null : new Histogram(packed, layer.slot, histogram));
            return new double[][][] {
                finishBoth(needs, candidateTotals, sums.lanes(candidateLogLoss), sums.lanes(candidateBrier)),
                finishBoth(needs, baselineTotals, sums.lanes(baselineLogLoss), sums.lanes(baselineBrier))};
        }

        /** @return both lanes' scoring from a model's totals ({@link #totals}) and loss sums, or nulls */
        private double[][] finishBoth(ScoreNeeds needs, long[] totals, double[] logLoss, double[] brier) {
            double[][] scoring = new double[2][];
            if (totals == null) {
                return scoring;
            }
            for (int lane = 0; lane < 2; lane++) {
                int shift = 32 * lane;
                scoring[lane] = finishScoring(needs, totals[0] >>> shift & LOW, totals[1] >>> shift & LOW,
                        totals[2 + lane], 0, 0, 0, logLoss == null ? 0 : logLoss[lane], brier == null ? 0 : brier[lane]);
            }
            return scoring;
        }

        /**
         * @return {positive weights, negative weights (both as two lanes), lane 0's and lane 1's
         *     concordant pairs times two}; without ranking, the total weight as positives
         */
        private long[] totals(byte[] weights, Model model, ScoreNeeds needs) {
            if (needs.ranking()) {
                return curve(weights, model.rankedMasks, size);
            }
            long[] lanes = LANES;
            long total = 0;
            for (int j = 0; j < size; j++) {
                total += lanes[weights[j] & 0xFF];
            }
            return new long[] {total, 0, 0, 0};
        }

        /** The old all-in-one pass, for average precision (its running precision needs the curve per row). */
        private double[][][] generalScoring(byte[] packed, ScoreNeeds needs, CodeLayer layer, long[] histogram) {
            double[][] candidateScoring = new double[2][];
            if (candidate.hasScores() && needs.any()) {
                candidateScoring = layer == null ? pass(candidate, packed, needs, null, null)
                        : pass(candidate, packed, needs, layer.slot, histogram);
            } else if (layer != null) {
                histogram(packed, layer, histogram);
            }
            double[][] baselineScoring = baseline != null && baseline.hasScores() && needs.any()
                    ? pass(baseline, packed, needs, null, null) : new double[2][];
            return new double[][][] {candidateScoring, baselineScoring};
        }

        /**
         * A model's ranking curve and losses for both lanes, in its own score order: sequential
         * when that is the layout (then also filling a histogram of cell codes when given),
         * gathering the packed weights otherwise. The running sums of weights are two 32-bit lanes
         * of a long (at most 8 * rows each, so no lane overflows into the other); the products of
         * the AUC and the floating-point sums are per lane, in the same order as for one resample.
         */
        private double[][] pass(Model model, byte[] packed, ScoreNeeds needs, char[] slot, long[] histogram) {
            boolean counts = histogram != null;
            boolean sequential = model.rankOrderIsLayout;
            int[] rankOrder = model.rankOrder;
            byte[] flags = model.rankedFlags;
            double[] rowLogLoss = model.logLossRanked;
            double[] rowBrier = model.brierRanked;
            long[] lanes = LANES;
            boolean ap = needs.averagePrecision();
            boolean logLosses = needs.logLoss();
            boolean briers = needs.brier();
            // RankingCurve.add per distinct score, written without branches: a tie group is flushed
            // (multiplied by isNew) when the next one starts, so unpredictable ties cost no mispredictions
            long positivesAbove = 0;
            long negativesAbove = 0;
            long groupPositives = 0;
            long groupNegatives = 0;
            long concordant0 = 0;
            long concordant1 = 0;
            double precision0 = 0;
            double precision1 = 0;
            double logLoss0 = 0;
            double logLoss1 = 0;
            double brier0 = 0;
            double brier1 = 0;
            for (int j = 0; j < size; j++) {
                int p = packed[sequential ? j : rankOrder[j]] & 0xFF;
                long w = lanes[p];
                int f = flags[j];
                // all ones where a new distinct score starts / the label is positive, else zero:
                // masks instead of multiplications keep the loop-carried chains short
                long isNew = -(long) (f >>> 1);
                long positive = -(long) (f & 1);
                if (counts) {
                    histogram[slot[j]] += w;
                }
                long above = 2 * positivesAbove + groupPositives;
                long flushedNegatives = groupNegatives & isNew;
                concordant0 += (flushedNegatives & LOW) * (above & LOW);
                concordant1 += (flushedNegatives >>> 32) * (above >>> 32);
                positivesAbove += groupPositives & isNew;
                negativesAbove += flushedNegatives;
                if (ap) {
                    long seen = positivesAbove + negativesAbove;
                    long flushedPositives = groupPositives & isNew;
                    precision0 += (flushedPositives & LOW) * ((double) (positivesAbove & LOW) / Math.max(1, seen & LOW));
                    precision1 += (flushedPositives >>> 32)
                            * ((double) (positivesAbove >>> 32) / Math.max(1, seen >>> 32));
                }
                groupPositives = (groupPositives & ~isNew) + (w & positive);
                groupNegatives = (groupNegatives & ~isNew) + (w & ~positive);
                if (logLosses) { // each sum only when a gate needs it: the loop is a third of a gate run
                    logLoss0 += (p & 15) * rowLogLoss[j];
                    logLoss1 += (p >>> 4) * rowLogLoss[j];
                }
                if (briers) {
                    brier0 += (p & 15) * rowBrier[j];
                    brier1 += (p >>> 4) * rowBrier[j];
                }
            }
            long[] concordant = {concordant0, concordant1};
            double[] precision = {precision0, precision1};
            double[] logLoss = {logLoss0, logLoss1};
            double[] brier = {brier0, brier1};
            double[][] scoring = new double[2][];
            for (int lane = 0; lane < 2; lane++) {
                int shift = 32 * lane;
                scoring[lane] = finishScoring(needs, positivesAbove >>> shift & LOW, negativesAbove >>> shift & LOW,
                        concordant[lane], precision[lane], groupPositives >>> shift & LOW,
                        groupNegatives >>> shift & LOW, logLoss[lane], brier[lane]);
            }
            return scoring;
        }

        private void histogram(byte[] packed, CodeLayer layer, long[] histogram) {
            new Histogram(packed, layer.slot, histogram).fill();
        }
    }

    /**
     * The ranking curve of both lanes, in the model's rank order (ties as {@link RankingCurve#add}):
     * a group of tied scores is flushed when the next one starts, branch-free, as the negatives of
     * the group times (positives above it + positives up to its end), which is 2 * above + tied.
     *
     * @param weights packed weights by ranked position
     * @param masks the model's {@link Model#rankedMasks}
     * @param size the number of positions
     * @return {positive weights, negative weights (both two lanes), lane 0's and lane 1's concordant pairs times two}
     */
    static long[] curve(byte[] weights, byte[] masks, int size) {
        long[] lanes = LANES;
        long positives = 0;
        long negatives = 0;
        long groupStart = 0; // positives above the current group
        long groupNegatives = 0;
        long concordant0 = 0;
        long concordant1 = 0;
        for (int j = 0; j < size; j++) {
            long w = lanes[weights[j] & 0xFF];
            long mask = masks[j];
            long isNew = -(mask & 1);
            long flushed = groupNegatives & isNew;
            long bothEnds = groupStart + positives;
            concordant0 += (flushed & LOW) * (bothEnds & LOW);
            concordant1 += (flushed >>> 32) * (bothEnds >>> 32);
            groupStart += (positives - groupStart) & isNew;
            long positive = w & (mask >> 1);
            positives += positive;
            groupNegatives = (groupNegatives & ~isNew) + (w - positive);
            negatives += w - positive;
        }
        long bothEnds = groupStart + positives;
        concordant0 += (groupNegatives & LOW) * (bothEnds & LOW);
        concordant1 += (groupNegatives >>> 32) * (bothEnds >>> 32);
        return new long[] {positives, negatives, concordant0, concordant1};
    }

    /**
     * The weighted sums one resample pair needs (log loss, Brier of either model), run two series per
     * loop; a histogram rides along the first loop, whose floating-point additions leave room.
     */
    private static final class LossSums {
        private final List<byte[]> weights = new ArrayList<>(4);
        private final List<double[]> values = new ArrayList<>(4);
        private double[] sums;

        /** @return the series' index */
        int add(byte[] w, double[] v) {
            weights.add(w);
            values.add(v);
            return weights.size() - 1;
        }

        void run(Histogram histogram) {
            sums = new double[2 * weights.size()];
            Histogram fill = histogram;
            for (int k = 0; k < weights.size(); k += 2) {
                if (k + 1 < weights.size()) {
                    weightedSums(weights.get(k), values.get(k), weights.get(k + 1), values.get(k + 1), sums, 2 * k,
                            fill);
                } else {
                    weightedSums(weights.get(k), values.get(k), sums, 2 * k, fill);
                }
                fill = null;
            }
            if (fill != null) {
                fill.fill();
            }
        }

        /** @return the series' sums of both lanes, or null for index -1 */
        double[] lanes(int series) {
            return series < 0 ? null : new double[] {sums[2 * series], sums[2 * series + 1]};
        }
    }

    /**
     * A histogram to fill on the way: {@code counts[slot[j]] += both lanes of weights[j]}.
     *
     * @param weights packed weights by layout position
     * @param slot each position's counter ({@link CodeLayer#slot})
     * @param counts the counters
     */
    record Histogram(byte[] weights, char[] slot, long[] counts) {
        /** Fills the histogram alone. */
        void fill() {
            long[] lanes = LANES;
            for (int j = 0; j < slot.length; j++) {
                counts[slot[j]] += lanes[weights[j] & 0xFF];
            }
        }
    }

    /**
     * Sums weight * value over positions for both lanes, in position order (so the rounding is that
     * of one resample's sequential sum), filling a histogram on the way when given.
     */
    static void weightedSums(byte[] weights, double[] values, double[] sums, int at, Histogram histogram) {
        double[] low = LOW_WEIGHT;
        double[] high = HIGH_WEIGHT;
        double sum0 = 0;
        double sum1 = 0;
        if (histogram == null) {
            for (int j = 0; j < values.length; j++) {
                int p = weights[j] & 0xFF;
                double value = values[j];
                sum0 += low[p] * value;
                sum1 += high[p] * value;
            }
        } else {
            long[] lanes = LANES;
            byte[] layout = histogram.weights();
            char[] slot = histogram.slot();
            long[] counts = histogram.counts();
            for (int j = 0; j < values.length; j++) {
                int p = weights[j] & 0xFF;
                double value = values[j];
                sum0 += low[p] * value;
                sum1 += high[p] * value;
                counts[slot[j]] += lanes[layout[j] & 0xFF];
            }
        }
        sums[at] = sum0;
        sums[at + 1] = sum1;
    }

    /**
     * {@link #weightedSums(byte[], double[], double[], int, Histogram)} of two series in one loop
     * (four independent sums). Like it, one loop with the histogram and one without: a test per row
     * in the hottest loop of a gate costs more than the few repeated lines.
     */
    static void weightedSums(byte[] weightsA, double[] valuesA, byte[] weightsB, double[] valuesB, double[] sums,
            int at, Histogram histogram) {
        double[] low = LOW_WEIGHT;
        double[] high = HIGH_WEIGHT;
        double a0 = 0;
        double a1 = 0;
        double b0 = 0;
        double b1 = 0;
        int n = Math.min(valuesA.length, valuesB.length);
        if (histogram == null) {
            for (int j = 0; j < n; j++) {
                int p = weightsA[j] & 0xFF;
                int q = weightsB[j] & 0xFF;
                double x = valuesA[j];
                double y = valuesB[j];
                a0 += low[p] * x;
                a1 += high[p] * x;
                b0 += low[q] * y;
                b1 += high[q] * y;
            }
        } else {
            long[] lanes = LANES;
            byte[] layout = histogram.weights();
            char[] slot = histogram.slot();
            long[] counts = histogram.counts();
            for (int j = 0; j < n; j++) {
                int p = weightsA[j] & 0xFF;
                int q = weightsB[j] & 0xFF;
                double x = valuesA[j];
                double y = valuesB[j];
                a0 += low[p] * x;
                a1 += high[p] * x;
                b0 += low[q] * y;
                b1 += high[q] * y;
                counts[slot[j]] += lanes[layout[j] & 0xFF];
            }
        }
        sums[at] = a0;
        sums[at + 1] = a1;
        sums[at + 2] = b0;
        sums[at + 3] = b1;
    }

    /** Packed weights by ranked position, gathered through a rank order (one tight loop, many loads in flight). */
    static byte[] gather(byte[] packed, int[] rankOrder, byte[] into) {
        for (int j = 0; j < rankOrder.length; j++) {
            into[j] = packed[rankOrder[j]];
        }
        return into;
    }

    /** Each packed byte's low / high four-bit weight as a double (a load instead of a conversion). */
    private static final double[] LOW_WEIGHT = new double[256];
    private static final double[] HIGH_WEIGHT = new double[256];

    static {
        for (int p = 0; p < 256; p++) {
            LOW_WEIGHT[p] = p & 15;
            HIGH_WEIGHT[p] = p >>> 4;
        }
    }

    private static final long LOW = 0xFFFF_FFFFL;

    /** A packed byte of two 4-bit weights as a long of two 32-bit lanes. */
    private static final long[] LANES = new long[256];

    static {
        for (int p = 0; p < 256; p++) {
            LANES[p] = (p & 15) | (long) (p >>> 4) << 32;
        }
    }

    /** @return {auc, ap, logLoss, brier}, NaN where not needed */
    private static double[] finishScoring(ScoreNeeds needs, long positivesAbove, long negativesAbove,
            long concordantTimesTwo, double precisionSum, long groupPositives, long groupNegatives, double logLoss,
            double brier) {
        concordantTimesTwo += groupNegatives * (2 * positivesAbove + groupPositives);
        positivesAbove += groupPositives;
        negativesAbove += groupNegatives;
        precisionSum += groupPositives * ((double) positivesAbove / Math.max(1, positivesAbove + negativesAbove));
        RankingCurve curve = RankingCurve.fromTotals(positivesAbove, negativesAbove, concordantTimesTwo, precisionSum);
        long total = positivesAbove + negativesAbove; // the total weight
        return new double[] {
            needs.ranking() ? curve.rocAuc() : Double.NaN,
            needs.averagePrecision() ? curve.averagePrecision() : Double.NaN,
            needs.logLoss() ? logLoss / total : Double.NaN,
            needs.brier() ? brier / total : Double.NaN};
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

    private static boolean nonIncreasing(double[] scores) {
        for (int i = 1; i < scores.length; i++) {
            if (scores[i - 1] < scores[i]) { // scores hold no NaN; -0.0 ties with 0.0 as in ScoreRanking
                return false;
            }
        }
        return true;
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
