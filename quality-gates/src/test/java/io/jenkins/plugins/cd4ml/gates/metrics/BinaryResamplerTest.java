package io.jenkins.plugins.cd4ml.gates.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gates.metrics.BinaryResampler.ScoreNeeds;
import io.jenkins.plugins.cd4ml.gates.metrics.BinaryResampler.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.assertj.core.api.SoftAssertions;

/**
 * The resampler's fast passes (ranking curve, loss sums and histogram in separate loops, a
 * baseline's weights gathered once, what a baseline shares with the candidate computed once)
 * against its general pass, which still serves average precision: every statistic but average
 * precision must be bit for bit the same, in both lanes of a resample pair.
 */
class BinaryResamplerTest {
    /** How the baseline relates to the candidate. */
    enum BaselineKind {
        NONE, OTHER, SAME, RESCALED, NO_SCORES
    }

    private record Data(BinaryPredictions candidate, BinaryPredictions baseline, int[] group, int[] slice) {
        static Data random(Random random, int rows, BaselineKind kind) {
            byte[] actual = new byte[rows];
            double[] score = new double[rows];
            double[] other = new double[rows];
            int[] group = new int[rows];
            int[] slice = new int[rows];
            int decimals = 1 + random.nextInt(3); // few decimals: many ties, mixed and pure
            double scale = Math.pow(10, decimals);
            for (int i = 0; i < rows; i++) {
                actual[i] = (byte) (random.nextDouble() < 0.4 ? 1 : 0);
                score[i] = Math.round(scale * Math.min(1, Math.max(0, 0.25 * actual[i] + 0.75 * random.nextDouble())))
                        / scale;
                other[i] = Math.round(scale * random.nextDouble()) / scale;
                group[i] = random.nextInt(3);
                slice[i] = random.nextInt(4) == 0 ? 0 : 1;
            }
            BinaryPredictions candidate = predictions(actual, score);
            BinaryPredictions baseline = switch (kind) {
                case NONE -> null;
                case OTHER -> predictions(actual, other);
                case SAME -> predictions(actual, score.clone());
                // a monotone transform: same order and ties, other losses
                case RESCALED -> predictions(actual, java.util.Arrays.stream(score).map(s -> 0.1 + 0.8 * s).toArray());
                case NO_SCORES -> new BinaryPredictions(actual, predictions(actual, other).predicted(), null);
            };
            return new Data(candidate, baseline, group, slice);
        }

        private static BinaryPredictions predictions(byte[] actual, double[] score) {
            byte[] predicted = new byte[score.length];
            for (int i = 0; i < score.length; i++) {
                predicted[i] = (byte) (score[i] >= 0.5 ? 1 : 0);
            }
            return new BinaryPredictions(actual, predicted, score);
        }
    }

    /** The same views twice: as asked (fast passes), and with average precision added (the general pass). */
    private static List<View> views(BinaryResampler resampler, Data data, ScoreNeeds overall, ScoreNeeds sliced) {
        int[] group = resampler.inOrder(data.group());
        int[] slice = resampler.inOrder(data.slice());
        List<View> views = new ArrayList<>();
        views.add(new View(null, 1, null, overall));
        views.add(new View(group, 3, null, ScoreNeeds.NONE));
        views.add(new View(null, 1, slice, sliced));
        views.add(new View(group, 3, slice, ScoreNeeds.NONE));
        return views;
    }

    private static ScoreNeeds withAveragePrecision(ScoreNeeds needs) {
        return needs.any() ? new ScoreNeeds(needs.ranking(), true, needs.logLoss(), needs.brier()) : needs;
    }

    @Property(tries = 200)
    void fastPassesEqualTheGeneralPassBitForBit(@ForAll @IntRange(min = 1, max = 400) int rows,
            @ForAll @LongRange long seed, @ForAll BaselineKind kind, @ForAll boolean ranking, @ForAll boolean logLoss,
            @ForAll boolean brier, @ForAll boolean slicedScores) {
        Random random = new Random(seed);
        Data data = Data.random(random, rows, kind);
        BinaryResampler resampler = BinaryResampler.of(data.candidate(), data.baseline());
        ScoreNeeds needs = new ScoreNeeds(ranking, false, logLoss, brier);
        ScoreNeeds sliced = slicedScores ? new ScoreNeeds(true, false, true, true) : ScoreNeeds.NONE;
        BinaryResampler.Plan fast = resampler.plan(views(resampler, data, needs, sliced));
        BinaryResampler.Plan general = resampler.plan(views(resampler, data, withAveragePrecision(needs),
                withAveragePrecision(sliced)));
        byte[] packed = new byte[rows];
        for (int i = 0; i < rows; i++) {
            // mostly Poisson-like small weights, sometimes the largest (15) and zeros in runs
            int low = random.nextInt(10) == 0 ? 15 : random.nextInt(3);
            int high = random.nextInt(10) == 0 ? 0 : random.nextInt(9);
            packed[i] = (byte) (low | high << 4);
        }

        BinarySummary[][][] actual = fast.summarizeTwo(packed, fast.newScratch());
        BinarySummary[][][] expected = general.summarizeTwo(packed, general.newScratch());

        SoftAssertions softly = new SoftAssertions();
        for (int lane = 0; lane < 2; lane++) {
            for (int view = 0; view < 4; view++) {
                for (int model = 0; model < 2; model++) {
                    BinarySummary a = actual[lane][view][model];
                    BinarySummary e = expected[lane][view][model];
                    String what = "lane " + lane + ", view " + view + ", model " + model;
                    if (e == null) {
                        softly.assertThat(a).as(what).isNull();
                        continue;
                    }
                    softly.assertThat(a.confusion()).as(what + " confusion").isEqualTo(e.confusion());
                    softly.assertThat(a.byGroup()).as(what + " groups").isEqualTo(e.byGroup());
                    // Double.equals: the same bits (NaN equals NaN)
                    softly.assertThat(Double.valueOf(a.rocAuc())).as(what + " roc_auc").isEqualTo(Double.valueOf(e.rocAuc()));
                    softly.assertThat(Double.valueOf(a.logLoss())).as(what + " log_loss").isEqualTo(Double.valueOf(e.logLoss()));
                    softly.assertThat(Double.valueOf(a.brier())).as(what + " brier").isEqualTo(Double.valueOf(e.brier()));
                    softly.assertThat(a.averagePrecision()).as(what + " average precision not asked").isNaN();
                }
            }
        }
        softly.assertAll();
    }

    @Property(tries = 50)
    void regroupedSummariesAreSummariesWithThoseGroups(@ForAll @IntRange(min = 1, max = 300) int rows,
            @ForAll @LongRange long seed) {
        Random random = new Random(seed);
        Data data = Data.random(random, rows, BaselineKind.NONE);
        Groups groups = new Groups(List.of("g"), data.group(), List.of("a", "b", "c"));

        assertThat(BinarySummary.of(data.candidate(), null).regrouped(data.candidate(), groups))
                .isEqualTo(BinarySummary.of(data.candidate(), groups));
        assertThat(BinarySummary.of(data.candidate(), groups).regrouped(data.candidate(), null))
                .isEqualTo(BinarySummary.of(data.candidate(), null));
    }

    @Property(tries = 50)
    void aBaselineEqualToTheCandidateGetsTheCandidatesSummaries(@ForAll @IntRange(min = 1, max = 300) int rows,
            @ForAll @LongRange long seed) {
        Random random = new Random(seed);
        Data data = Data.random(random, rows, BaselineKind.SAME);
        BinaryResampler resampler = BinaryResampler.of(data.candidate(), data.baseline());
        BinaryResampler.Plan plan = resampler.plan(views(resampler, data, ScoreNeeds.of(BinaryMetric.ROC_AUC)
                .or(ScoreNeeds.of(BinaryMetric.LOG_LOSS)).or(ScoreNeeds.of(BinaryMetric.BRIER)), ScoreNeeds.NONE));
        byte[] packed = new byte[rows];
        for (int i = 0; i < rows; i++) {
            packed[i] = (byte) (random.nextInt(9) | random.nextInt(9) << 4);
        }

        BinarySummary[][][] summaries = plan.summarizeTwo(packed, plan.newScratch());

        for (BinarySummary[][] lane : summaries) {
            for (BinarySummary[] view : lane) {
                assertThat(view[1]).isEqualTo(view[0]);
            }
        }
    }
}
