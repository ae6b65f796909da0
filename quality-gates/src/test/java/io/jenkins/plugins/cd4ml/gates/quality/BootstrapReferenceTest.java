package io.jenkins.plugins.cd4ml.gates.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gates.metrics.BinaryPredictions;
import io.jenkins.plugins.cd4ml.gates.metrics.CategoricalColumn;
import io.jenkins.plugins.cd4ml.gates.metrics.EvaluationData;
import io.jenkins.plugins.cd4ml.gates.metrics.PredictionSpec;
import io.jenkins.plugins.cd4ml.gates.metrics.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The fast paired bootstrap of {@link GateEvaluator} against a straightforward implementation of
 * the same definition (docs/quality-gates.md, "Bootstrap method"): resample r gives the row at
 * position j of the candidate's descending-score order (ties in row order) the weight
 * {@code PairedBootstrap.poissonWeights(seed, r)[j]}; both models see the same weights; each
 * metric is computed from its plain weighted formula (ROC AUC over all weighted pairs); the
 * interval is numpy's linear percentile interval of the defined resampled values.
 */
class BootstrapReferenceTest {
    private static final List<String> HEADER = List.of("label", "score", "group");
    private static final List<String> GROUPS = List.of("A", "B");

    private static String gates(int resamples, long seed) {
        return "task: binary\ncolumns: {label: label, score: score}\n"
                + "bootstrap: {resamples: " + resamples + ", seed: " + seed + "}\ngates:\n"
                + "  - {metric: roc_auc, max_regression: 0.5}\n"
                + "  - {metric: accuracy, max_regression: 0.5}\n"
                + "  - {metric: log_loss, max_regression: 5}\n"
                + "  - {metric: demographic_parity_ratio, threshold: 0.0, sensitive: [group]}\n"
                + "  - {metric: roc_auc, max_regression: 0.5, slice: {group: A}}\n";
    }

    /** Labels, two models' scores with ties (two decimals), two groups. */
    private record Data(byte[] label, double[] candidate, double[] baseline, int[] group) {
        static Data random(int rows, long seed) {
            return random(rows, seed, false);
        }

        /** With {@code self}, the baseline's predictions are the candidate's (a model compared with itself). */
        static Data random(int rows, long seed, boolean self) {
            Random random = new Random(seed);
            Data data = new Data(new byte[rows], new double[rows], new double[rows], new int[rows]);
            for (int i = 0; i < rows; i++) {
                data.label[i] = (byte) (random.nextDouble() < 0.4 ? 1 : 0);
                data.candidate[i] = Math.round(100 * (0.3 * data.label[i] + 0.7 * random.nextDouble())) / 100.0;
                data.baseline[i] = Math.round(100 * (0.2 * data.label[i] + 0.8 * random.nextDouble())) / 100.0;
                data.group[i] = i % 3 == 0 ? 1 : 0;
                if (self) {
                    data.baseline[i] = data.candidate[i];
                }
            }
            return data;
        }

        EvaluationData evaluationData() {
            PredictionSpec spec = new PredictionSpec(Task.BINARY, "label", "score", null, null, null,
                    List.of("group"), null, null, null);
            return new EvaluationData("test.csv", spec, predictions(candidate), predictions(baseline),
                    Map.of("group", new CategoricalColumn("group", group, GROUPS)), null);
        }

        private BinaryPredictions predictions(double[] score) {
            byte[] predicted = new byte[score.length];
            for (int i = 0; i < score.length; i++) {
                predicted[i] = (byte) (score[i] >= 0.5 ? 1 : 0);
            }
            return new BinaryPredictions(label, predicted, score);
        }
    }

    private static GateReport evaluate(Data data, int resamples, long seed, int threads) throws Exception {
        return GateEvaluator.evaluate(GatesFileParser.parse("gates.yaml", gates(resamples, seed)),
                data.evaluationData(), HEADER, new BaselineReference("base", "baseline.csv", null), "sha256:0", threads);
    }

    @Test
    void intervalsAreIdenticalWithOneAndWithTwoThreads() throws Exception {
        Data data = Data.random(3000, 17);
        // an odd number of resamples: the last one has no partner in the two-resample passes
        GateReport one = evaluate(data, 101, 9, 1);
        GateReport two = evaluate(data, 101, 9, 2);

        assertThat(two.results()).isEqualTo(one.results());
        assertThat(one.results()).allSatisfy(result -> assertThat(result.candidateInterval().defined()).isTrue());
    }

    @Property(tries = 20)
    void intervalsMatchAStraightforwardImplementation(@ForAll @IntRange(min = 40, max = 150) int rows,
            @ForAll long seed, @ForAll boolean selfBaseline) throws Exception {
        Data data = Data.random(rows, seed, selfBaseline);
        int resamples = 41;
        GateReport report = evaluate(data, resamples, seed, 2);

        Integer[] boxed = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingDouble((Integer row) -> -data.candidate[row])); // stable: ties in row order
        int[] rowAt = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        int[] all = new int[rows];
        Arrays.fill(all, 1);
        int[] sliceA = Arrays.stream(data.group).map(g -> g == 0 ? 1 : 0).toArray();
        List<double[][]> values = new ArrayList<>(); // per gate: {candidate values, delta values}
        for (int gate = 0; gate < 5; gate++) {
            values.add(new double[2][resamples]);
        }
        int[] weightAt = new int[rows];
        for (int r = 0; r < resamples; r++) {
            PairedBootstrap.poissonWeights(seed, r, weightAt);
            int[] w = new int[rows];
            for (int j = 0; j < rows; j++) {
                w[rowAt[j]] = weightAt[j];
            }
            double[] candidate = {auc(data.candidate, data.label, w, all), accuracy(data.candidate, data.label, w),
                logLoss(data.candidate, data.label, w), parityRatio(data.candidate, data.group, w),
                auc(data.candidate, data.label, w, sliceA)};
            double[] baseline = {auc(data.baseline, data.label, w, all), accuracy(data.baseline, data.label, w),
                logLoss(data.baseline, data.label, w), Double.NaN, auc(data.baseline, data.label, w, sliceA)};
            for (int gate = 0; gate < 5; gate++) {
                values.get(gate)[0][r] = candidate[gate];
                values.get(gate)[1][r] = candidate[gate] - baseline[gate];
            }
        }
        for (int gate = 0; gate < 5; gate++) {
            GateResult result = report.results().get(gate);
            assertInterval(result.candidateInterval(), values.get(gate)[0], result.gate().metric());
            if (gate != 3) {
                assertInterval(result.deltaInterval(), values.get(gate)[1], result.gate().metric() + " delta");
            }
        }
    }

    private static void assertInterval(Interval actual, double[] values, String what) {
        double[] expected = percentile(values, 0.95);
        if (Double.isNaN(expected[0])) {
            assertThat(actual.defined()).as(what).isFalse();
            return;
        }
        assertThat(actual.low()).as(what + " low").isCloseTo(expected[0], Offset.offset(1e-9));
        assertThat(actual.high()).as(what + " high").isCloseTo(expected[1], Offset.offset(1e-9));
    }

    /** numpy.quantile(values[~isnan], [alpha / 2, 1 - alpha / 2]), linear interpolation. */
    private static double[] percentile(double[] values, double confidence) {
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (defined.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double alpha = 1 - confidence;
        return new double[] {quantile(defined, alpha / 2), quantile(defined, 1 - alpha / 2)};
    }

    private static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /** Weighted ROC AUC over all (positive, negative) pairs of rows in the slice, ties count half. */
    private static double auc(double[] score, byte[] label, int[] w, int[] slice) {
        double concordant = 0;
        double positives = 0;
        double negatives = 0;
        for (int i = 0; i < score.length; i++) {
            double wi = w[i] * slice[i];
            if (label[i] == 1) {
                positives += wi;
                for (int k = 0; k < score.length; k++) {
                    double wk = w[k] * slice[k];
                    if (label[k] == 0) {
                        concordant += wi * wk * (score[i] > score[k] ? 1 : score[i] == score[k] ? 0.5 : 0);
                    }
                }
            } else {
                negatives += wi;
            }
        }
        return positives == 0 || negatives == 0 ? Double.NaN : concordant / (positives * negatives);
    }

    private static double accuracy(double[] score, byte[] label, int[] w) {
        double correct = 0;
        double total = 0;
        for (int i = 0; i < score.length; i++) {
            correct += w[i] * ((score[i] >= 0.5 ? 1 : 0) == label[i] ? 1 : 0);
            total += w[i];
        }
        return total == 0 ? Double.NaN : correct / total;
    }

    private static double logLoss(double[] score, byte[] label, int[] w) {
        double eps = Math.ulp(1.0);
        double sum = 0;
        double total = 0;
        for (int i = 0; i < score.length; i++) {
            double p = Math.min(Math.max(score[i], eps), 1 - eps);
            sum += w[i] * -Math.log(label[i] == 1 ? p : 1 - p);
            total += w[i];
        }
        return sum / total;
    }

    /** Smallest over largest weighted selection rate of the groups that have rows. */
    private static double parityRatio(double[] score, int[] group, int[] w) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < GROUPS.size(); g++) {
            double selected = 0;
            double total = 0;
            for (int i = 0; i < score.length; i++) {
                if (group[i] == g) {
                    selected += w[i] * (score[i] >= 0.5 ? 1 : 0);
                    total += w[i];
                }
            }
            if (total > 0) {
                min = Math.min(min, selected / total);
                max = Math.max(max, selected / total);
            }
        }
        return min > max || max == 0 ? Double.NaN : min / max;
    }
}
