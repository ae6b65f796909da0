package io.jenkins.plugins.cd4ml.gates.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;

/** Properties of the metric functions that must hold for any data. */
class MetricPropertiesTest {
    /** One row of a binary classifier: label, score (coarse, so ties are common), group. */
    record Row(int label, double score, int group) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Row> row = Combinators.combine(Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 20).map(i -> i / 20.0),
                Arbitraries.integers().between(0, 2)).as(Row::new);
        return row.list().ofMinSize(2).ofMaxSize(200)
                .filter(list -> list.stream().anyMatch(r -> r.label == 1) && list.stream().anyMatch(r -> r.label == 0));
    }

    private static BinaryPredictions predictions(List<Row> rows, boolean negate) {
        byte[] actual = new byte[rows.size()];
        byte[] predicted = new byte[rows.size()];
        double[] score = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            actual[i] = (byte) rows.get(i).label;
            score[i] = negate ? 1 - rows.get(i).score : rows.get(i).score;
            predicted[i] = (byte) (score[i] >= 0.5 ? 1 : 0);
        }
        return new BinaryPredictions(actual, predicted, score);
    }

    private static Groups groups(List<Row> rows) {
        int[] codes = rows.stream().mapToInt(Row::group).toArray();
        return Groups.intersect(List.of("g"), List.of(codes), List.of(List.of("a", "b", "c")));
    }

    @Property(tries = 200)
    void reversedScoresGiveOneMinusAuc(@ForAll("rows") List<Row> rows) {
        double auc = BinarySummary.of(predictions(rows, false), null).rocAuc();
        double reversed = BinarySummary.of(predictions(rows, true), null).rocAuc();

        assertThat(reversed).isCloseTo(1 - auc, Offset.offset(1e-12));
    }

    @Property(tries = 200)
    void aucIsTheShareOfCorrectlyOrderedPairsWithTiesHalf(@ForAll("rows") List<Row> rows) {
        double pairs = 0;
        double concordant = 0;
        for (Row p : rows) {
            for (Row n : rows) {
                if (p.label == 1 && n.label == 0) {
                    pairs++;
                    concordant += p.score > n.score ? 1 : p.score == n.score ? 0.5 : 0;
                }
            }
        }
        assertThat(BinarySummary.of(predictions(rows, false), null).rocAuc())
                .isCloseTo(concordant / pairs, Offset.offset(1e-12));
    }

    @Property(tries = 200)
    void metricsDoNotDependOnRowOrder(@ForAll("rows") List<Row> rows, @ForAll long seed) {
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(seed));
        BinarySummary a = BinarySummary.of(predictions(rows, false), groups(rows));
        BinarySummary b = BinarySummary.of(predictions(shuffled, false), groups(shuffled));

        for (BinaryMetric metric : BinaryMetric.values()) {
            double x = metric.valueOf(a);
            double y = metric.valueOf(b);
            if (Double.isNaN(x)) {
                assertThat(y).as(metric.id()).isNaN();
            } else {
                assertThat(y).as(metric.id()).isCloseTo(x, Offset.offset(1e-12));
            }
        }
    }

    @Property(tries = 200)
    void ratesLieBetweenZeroAndOne(@ForAll("rows") List<Row> rows) {
        BinarySummary summary = BinarySummary.of(predictions(rows, false), groups(rows));
        for (BinaryMetric metric : List.of(BinaryMetric.ACCURACY, BinaryMetric.BALANCED_ACCURACY,
                BinaryMetric.PRECISION, BinaryMetric.RECALL, BinaryMetric.F1, BinaryMetric.ROC_AUC,
                BinaryMetric.AVERAGE_PRECISION, BinaryMetric.BRIER, BinaryMetric.DEMOGRAPHIC_PARITY_DIFFERENCE,
                BinaryMetric.EQUALIZED_ODDS_DIFFERENCE, BinaryMetric.ACCURACY_DIFFERENCE)) {
            double value = metric.valueOf(summary);
            if (!Double.isNaN(value)) {
                assertThat(value).as(metric.id()).isBetween(0.0, 1.0);
            }
        }
        assertThat(summary.logLoss()).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 100)
    void integerWeightsEqualRepeatedRows(@ForAll("rows") List<Row> rows, @ForAll long seed) {
        Random random = new Random(seed);
        int[] weights = new int[rows.size()];
        List<Row> repeated = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            weights[i] = random.nextInt(4);
            for (int k = 0; k < weights[i]; k++) {
                repeated.add(rows.get(i));
            }
        }
        BinaryPredictions original = predictions(rows, false);
        BinarySummary weighted = BinarySummary.weighted(original, groups(rows), BinaryScoring.of(original), weights);
        if (repeated.isEmpty()) {
            assertThat(weighted.rows()).isZero();
            return;
        }
        BinarySummary expanded = BinarySummary.of(predictions(repeated, false), groups(repeated));

        assertThat(weighted.confusion()).isEqualTo(expanded.confusion());
        assertThat(weighted.byGroup()).isEqualTo(expanded.byGroup());
        for (BinaryMetric metric : BinaryMetric.values()) {
            double x = metric.valueOf(expanded);
            double y = metric.valueOf(weighted);
            if (Double.isNaN(x)) {
                assertThat(y).as(metric.id()).isNaN();
            } else {
                assertThat(y).as(metric.id()).isCloseTo(x, Offset.offset(1e-12));
            }
        }
    }

    @Property(tries = 100)
    void theResamplerAgreesWithWeightedSummaries(@ForAll("rows") List<Row> rows, @ForAll long seed) {
        Random random = new Random(seed);
        BinaryPredictions candidate = predictions(rows, false);
        List<Row> other = new ArrayList<>();
        for (Row row : rows) {
            other.add(new Row(row.label, random.nextInt(11) / 10.0, row.group));
        }
        BinaryPredictions baseline = predictions(other, false);
        int[] weights = random.ints(rows.size(), 0, 4).toArray();
        Groups groups = groups(rows);

        BinaryResampler resampler = BinaryResampler.of(candidate, baseline);
        BinarySummary[] both = resampler.summarize(resampler.inOrder(weights), resampler.inOrder(groups.groupOfRow()),
                groups.count(), true);

        BinarySummary expectedCandidate = BinarySummary.weighted(candidate, groups, BinaryScoring.of(candidate), weights);
        BinarySummary expectedBaseline = BinarySummary.weighted(baseline, groups, BinaryScoring.of(baseline), weights);
        for (BinaryMetric metric : BinaryMetric.values()) {
            assertSame(metric, metric.valueOf(expectedCandidate), metric.valueOf(both[0]));
            assertSame(metric, metric.valueOf(expectedBaseline), metric.valueOf(both[1]));
        }
    }

    private static void assertSame(BinaryMetric metric, double expected, double actual) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(metric.id()).isNaN();
        } else {
            assertThat(actual).as(metric.id()).isCloseTo(expected, Offset.offset(1e-12));
        }
    }

    @Property(tries = 100)
    void multiclassAccuracyAndMacroAveragesLieBetweenZeroAndOne(
            @ForAll @IntRange(min = 1, max = 300) int size, @ForAll long seed) {
        Random random = new Random(seed);
        int[] actual = new int[size];
        int[] predicted = new int[size];
        for (int i = 0; i < size; i++) {
            actual[i] = random.nextInt(4);
            predicted[i] = random.nextBoolean() ? actual[i] : random.nextInt(4);
        }
        MulticlassSummary summary = MulticlassSummary.of(
                new MulticlassPredictions(actual, predicted, List.of("a", "b", "c", "d")), null, null);
        for (MulticlassMetric metric : MulticlassMetric.values()) {
            double value = metric.valueOf(summary);
            if (!Double.isNaN(value)) {
                assertThat(value).as(metric.id()).isBetween(0.0, 1.0);
            }
        }
        assertThat(MulticlassMetric.WEIGHTED_RECALL.valueOf(summary))
                .as("weighted recall is accuracy").isCloseTo(summary.accuracy(), Offset.offset(1e-12));
    }

    @Property(tries = 100)
    void regressionOfAPerfectModel(@ForAll @IntRange(min = 2, max = 200) int size, @ForAll long seed) {
        Random random = new Random(seed);
        double[] actual = random.doubles(size, -100, 100).toArray();
        RegressionSummary summary = RegressionSummary.of(new RegressionPredictions(actual, actual.clone()), null, null);
        assertThat(summary.rmse()).isZero();
        assertThat(summary.mae()).isZero();
        assertThat(summary.r2()).isEqualTo(1.0);
    }

    @Property(tries = 500)
    void decimalParsingEqualsTheJdk(@ForAll double value, @ForAll @IntRange(min = 0, max = 17) int decimals) {
        if (!Double.isFinite(value)) {
            return;
        }
        String shortest = Double.toString(value);
        assertThat(Decimal.parse(shortest)).isEqualTo(Double.parseDouble(shortest));
        String fixed = String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
        assertThat(Decimal.parse(fixed)).isEqualTo(Double.parseDouble(fixed));
    }

    @Property(tries = 20)
    void decimalParsingRejectsWhatIsNotAPlainNumber(@ForAll("notNumbers") String text) {
        assertThatThrownBy(() -> Decimal.parse(text)).isInstanceOf(NumberFormatException.class);
    }

    @Provide
    Arbitrary<String> notNumbers() {
        return Arbitraries.of("NaN", "Infinity", "-Infinity", "0x1p3", "1d", "1f", "", "-", ".", "1e", "1e+",
                "1.2.3", " 1", "1 ", "1e400", "abc");
    }
}
