package io.jenkins.plugins.cd4ml.gates.quality;

import io.jenkins.plugins.cd4ml.gates.metrics.BinaryMetric;
import io.jenkins.plugins.cd4ml.gates.metrics.BinaryPredictions;
import io.jenkins.plugins.cd4ml.gates.metrics.BinaryResampler;
import io.jenkins.plugins.cd4ml.gates.metrics.BinaryScoring;
import io.jenkins.plugins.cd4ml.gates.metrics.BinarySummary;
import io.jenkins.plugins.cd4ml.gates.metrics.CategoricalColumn;
import io.jenkins.plugins.cd4ml.gates.metrics.EvaluationData;
import io.jenkins.plugins.cd4ml.gates.metrics.Groups;
import io.jenkins.plugins.cd4ml.gates.metrics.Metric;
import io.jenkins.plugins.cd4ml.gates.metrics.MetricSummary;
import io.jenkins.plugins.cd4ml.gates.metrics.MetricsReport;
import io.jenkins.plugins.cd4ml.gates.metrics.ModelPredictions;
import io.jenkins.plugins.cd4ml.gates.metrics.MulticlassPredictions;
import io.jenkins.plugins.cd4ml.gates.metrics.MulticlassSummary;
import io.jenkins.plugins.cd4ml.gates.metrics.PredictionReader;
import io.jenkins.plugins.cd4ml.gates.metrics.PredictionSpec;
import io.jenkins.plugins.cd4ml.gates.metrics.RegressionPredictions;
import io.jenkins.plugins.cd4ml.gates.metrics.RegressionSummary;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * The one evaluator of quality gates: reads the evaluation data once, computes every gate's
 * metric for the candidate and the baseline, their paired bootstrap intervals, and decides each
 * gate's state under the file's policies. Pure apart from reading the given files; the result is
 * an immutable, serializable {@link GateReport}.
 */
public final class GateEvaluator {
    private GateEvaluator() {
    }

    /**
     * Evaluates gates on a predictions file.
     *
     * @param gates the parsed gates file
     * @param predictions the evaluation file with the candidate's predictions
     * @param baselines where the baseline comes from ({@link BaselineSource#none()} for none)
     * @return the report
     * @throws InvalidInputException when the predictions, the baseline or their join cannot be used
     */
    public static GateReport evaluate(GatesFile gates, Path predictions, BaselineSource baselines)
            throws InvalidInputException {
        return evaluate(gates, predictions, baselines, null);
    }

    /**
     * Evaluates gates on a predictions file whose rows come from a separately digested evaluation
     * data set (e.g. {@code data/eval.csv}, the file the registry recorded for the baseline).
     *
     * @param gates the parsed gates file
     * @param predictions the evaluation file with the candidate's predictions
     * @param baselines where the baseline comes from ({@link BaselineSource#none()} for none)
     * @param evaluationDataDigest the digest of the evaluation data both models were scored on
     *     ({@code sha256:…}), compared with the baseline's recorded digest; {@code null}: the
     *     predictions file's own digest stands for the data
     * @return the report
     * @throws InvalidInputException when the predictions, the baseline or their join cannot be used,
     *     or the baseline was scored on other data
     */
    public static GateReport evaluate(GatesFile gates, Path predictions, BaselineSource baselines,
            String evaluationDataDigest) throws InvalidInputException {
        Optional<Baseline> baseline = baselines.resolve();
        PredictionSpec spec = gates.columns();
        if (baseline.isEmpty() || baseline.get().predictions() != null) {
            // baseline columns of the evaluation file are read only when that is the baseline in use
            spec = new PredictionSpec(spec.task(), spec.label(), spec.score(), spec.prediction(), spec.positiveLabel(),
                    spec.threshold(), List.of(), null, null, spec.id());
        } else if (!spec.hasBaselineColumns()) {
            throw new InvalidInputException(SourceLocation.ofFile(gates.source()), "baseline "
                    + baseline.get().version() + " has no predictions file (expected 'baseline_score' or"
                    + " 'baseline_prediction' under 'columns', or a baseline predictions file)");
        }
        List<String> header = PredictionReader.header(predictions);
        Set<String> categorical = new LinkedHashSet<>();
        for (GateDefinition gate : gates.gates()) {
            categorical.addAll(gate.slice().keySet());
            categorical.addAll(gate.sensitive());
        }
        categorical.addAll(gates.sensitive());
        categorical.retainAll(header);
        EvaluationData data = PredictionReader.read(predictions, spec.withCategorical(List.copyOf(categorical)));
        String predictionsDigest = evaluationDataDigest != null ? null : ContentDigest.sha256Input(predictions);
        String digest = evaluationDataDigest != null ? evaluationDataDigest : predictionsDigest;
        BaselineReference reference = null;
        if (baseline.isPresent()) {
            Baseline b = baseline.get();
            if (b.dataDigest() != null && !b.dataDigest().equals(digest)) {
                throw new InvalidInputException(SourceLocation.ofFile(predictions.toString()), "baseline "
                        + b.version() + " was scored on data " + b.dataDigest() + " but this file is " + digest
                        + " (expected both models scored on the same evaluation data)");
            }
            if (b.predictions() != null) {
                data = PredictionReader.joinBaseline(b.predictions(), data);
                // the candidate's own file (a model compared with itself) is digested once
                String baselineDigest = predictionsDigest != null && sameFile(b.predictions(), predictions)
                        ? predictionsDigest : ContentDigest.sha256Input(b.predictions());
                reference = new BaselineReference(b.version(), b.predictions().toString(), baselineDigest);
            } else {
                reference = new BaselineReference(b.version(), predictions + " (baseline columns)", null);
            }
        }
        return evaluate(gates, data, header, reference, digest);
    }

    /**
     * Evaluates gates on data already in memory.
     *
     * @param gates the gates
     * @param data the evaluation data, with the baseline's predictions when there is a baseline
     * @param header the columns of the evaluation file (gates naming others are ERROR)
     * @param baseline the baseline compared with, or {@code null} when {@code data} has none
     * @param dataDigest the digest of the evaluation data both models were scored on
     * @return the report
     */
    public static GateReport evaluate(GatesFile gates, EvaluationData data, List<String> header,
            BaselineReference baseline, String dataDigest) {
        return evaluate(gates, data, header, baseline, dataDigest, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Evaluates gates on data already in memory, running the bootstrap on a given number of
     * threads; the report is the same whatever that number (each resample has its own seed).
     *
     * @param gates the gates
     * @param data the evaluation data, with the baseline's predictions when there is a baseline
     * @param header the columns of the evaluation file (gates naming others are ERROR)
     * @param baseline the baseline compared with, or {@code null} when {@code data} has none
     * @param dataDigest the digest of the evaluation data both models were scored on
     * @param threads the number of threads resampling, at least 1
     * @return the report
     */
    public static GateReport evaluate(GatesFile gates, EvaluationData data, List<String> header,
            BaselineReference baseline, String dataDigest, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
        }
        List<View> views = new ArrayList<>();
        Map<GateDefinition, View> viewOfGate = new LinkedHashMap<>();
        Map<GateDefinition, String> errors = new LinkedHashMap<>();
        for (GateDefinition gate : gates.gates()) {
            String error = columnError(gate, data, header);
            if (error != null) {
                errors.put(gate, error);
                continue;
            }
            View view = views.stream().filter(v -> v.matches(gate)).findFirst().orElse(null);
            if (view == null) {
                view = new View(gate.slice(), gate.sensitive(), data);
                views.add(view);
            }
            view.gates.add(gate);
            view.metrics.put(gate, Metric.find(data.spec().task(), gate.metric()).orElseThrow());
            viewOfGate.put(gate, view);
        }
        Bootstrap bootstrap = new Bootstrap(gates.bootstrap(), data, views, threads);
        bootstrap.run();
        List<GateResult> results = new ArrayList<>();
        for (GateDefinition gate : gates.gates()) {
            String error = errors.get(gate);
            results.add(error != null
                    ? new GateResult(gate, CheckStatus.ERROR, Verdict.ERROR, Double.NaN, Interval.NONE, Double.NaN,
                            Double.NaN, Interval.NONE, 0, error)
                    : decide(gates, gate, viewOfGate.get(gate), bootstrap, baseline));
        }
        return new GateReport(data.source(), dataDigest, data.size(), data.spec().task(), baseline, gates.bootstrap(),
                gates.policies(), results, groupMetrics(gates, data));
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false; // then each is digested, and the error (if any) is the digest's
        }
    }

    /** The per-group table of each attribute whose columns were read (the others' gates are ERROR). */
    private static List<GroupMetrics> groupMetrics(GatesFile gates, EvaluationData data) {
        return gates.groupAttributes().stream()
                .filter(columns -> data.categorical().keySet().containsAll(columns))
                .map(columns -> GroupMetrics.of(data, columns))
                .toList();
    }

    private static String columnError(GateDefinition gate, EvaluationData data, List<String> header) {
        for (String column : concat(gate.slice().keySet(), gate.sensitive())) {
            if (!header.contains(column)) {
                return "missing column '" + column + "' in " + data.source() + " (expected one of " + header + ")";
            }
        }
        for (Map.Entry<String, String> entry : gate.slice().entrySet()) {
            CategoricalColumn column = data.categorical().get(entry.getKey());
            if (!column.values().contains(entry.getValue())) {
                return "slice " + entry.getKey() + "=" + entry.getValue() + " matches no row (values present: "
                        + abbreviate(column.values()) + ")";
            }
        }
        return null;
    }

    private static GateResult decide(GatesFile file, GateDefinition gate, View view, Bootstrap bootstrap,
            BaselineReference baseline) {
        Metric metric = Metric.find(file.columns().task(), gate.metric()).orElseThrow();
        double candidate = metric.valueOf(view.candidate);
        long support = view.support();
        Interval candidateInterval = bootstrap.candidateInterval(gate);
        if (metric.needsScores() && !view.hasScores(view.data.candidate())) {
            return result(gate, CheckStatus.FAILED, file, candidate, candidateInterval, Double.NaN, Interval.NONE,
                    support, "missing metric: " + metric.id() + " needs a score column (columns.score)");
        }
        if (Double.isNaN(candidate)) {
            return result(gate, CheckStatus.FAILED, file, candidate, candidateInterval, Double.NaN, Interval.NONE,
                    support, "missing metric: " + metric.id() + " is undefined on these rows");
        }
        boolean hasBaseline = view.baseline != null && !(metric.needsScores() && !view.hasScores(view.data.baseline()));
        double baselineValue = hasBaseline ? metric.valueOf(view.baseline) : Double.NaN;
        Interval deltaInterval = hasBaseline ? bootstrap.deltaInterval(gate) : Interval.NONE;
        List<String> notes = new ArrayList<>();
        if (support < gate.minSupport()) {
            notes.add((gate.sensitive().isEmpty() ? "only " + support + " rows" : "smallest group has " + support
                    + " rows") + " (min_support " + gate.minSupport() + ")");
            return result(gate, CheckStatus.INCONCLUSIVE, file, candidate, candidateInterval, baselineValue,
                    deltaInterval, support, String.join("; ", notes));
        }
        boolean useInterval = file.policies().decideOn() == DecisionRule.CONFIDENCE;
        Outcome outcome = Outcome.PASS;
        if (gate.threshold() != null) {
            Outcome absolute = judge(candidate, candidateInterval, useInterval,
                    v -> gate.direction().holds(v, gate.threshold()));
            notes.add(String.format(Locale.ROOT, "%s %s %s %s%s", metric.id(), format(candidate),
                    absolute == Outcome.PASS ? gate.direction().symbol() : "vs", format(gate.threshold()),
                    intervalNote(candidateInterval)));
            outcome = outcome.and(absolute);
        }
        boolean noBaseline = false;
        if (gate.comparesWithBaseline()) {
            if (!hasBaseline || Double.isNaN(baselineValue)) {
                noBaseline = true;
                notes.add(baseline == null ? "no baseline to compare with"
                        : "baseline " + baseline.version() + " has no value for " + metric.id());
            } else {
                double sign = metric.higherIsBetter() ? 1 : -1;
                double improvement = sign * (candidate - baselineValue);
                Interval improvementInterval = sign > 0 ? deltaInterval : deltaInterval.negate();
                double bound = gate.improvementBound();
                Outcome relative = judge(improvement, improvementInterval, useInterval, v -> v >= bound);
                notes.add(String.format(Locale.ROOT, "delta vs baseline %s: %s%s (%s)", baseline.version(),
                        format(candidate - baselineValue), intervalNote(deltaInterval),
                        gate.maxRegression() != null ? "max_regression " + format(gate.maxRegression())
                                : "min_delta " + format(gate.minDelta())));
                outcome = outcome.and(relative);
            }
        }
        CheckStatus status = switch (outcome) {
            case FAIL -> CheckStatus.failedAt(gate.severity());
            case INCONCLUSIVE -> CheckStatus.INCONCLUSIVE;
            case PASS -> noBaseline ? CheckStatus.NO_BASELINE : CheckStatus.PASSED;
        };
        if (outcome == Outcome.INCONCLUSIVE) {
            notes.add("confidence interval straddles the bound");
        }
        return result(gate, status, file, candidate, candidateInterval, baselineValue, deltaInterval, support,
                String.join("; ", notes));
    }

    private static GateResult result(GateDefinition gate, CheckStatus status, GatesFile file, double candidate,
            Interval candidateInterval, double baseline, Interval deltaInterval, long support, String detail) {
        Verdict verdict = switch (status) {
            case INCONCLUSIVE -> file.policies().inconclusive().verdict(gate.severity());
            case NO_BASELINE -> file.policies().noBaseline().verdict(gate.severity());
            default -> status.toVerdict();
        };
        double delta = Double.isNaN(baseline) ? Double.NaN : candidate - baseline;
        return new GateResult(gate, status, verdict, candidate, candidateInterval, baseline, delta,
                Double.isNaN(baseline) ? Interval.NONE : deltaInterval, support, detail);
    }

    private enum Outcome {
        PASS, INCONCLUSIVE, FAIL;

        Outcome and(Outcome other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    private static Outcome judge(double point, Interval interval, boolean useInterval,
            java.util.function.DoublePredicate passes) {
        if (!useInterval || !interval.defined()) {
            return passes.test(point) ? Outcome.PASS : Outcome.FAIL;
        }
        boolean low = passes.test(interval.low());
        boolean high = passes.test(interval.high());
        if (low && high) {
            return Outcome.PASS;
        }
        return !low && !high ? Outcome.FAIL : Outcome.INCONCLUSIVE;
    }

    private static String intervalNote(Interval interval) {
        return interval.defined() ? " [" + format(interval.low()) + ", " + format(interval.high()) + "]" : "";
    }

    static String format(double value) {
        return Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static List<String> concat(Set<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String abbreviate(List<String> values) {
        return values.size() <= 10 ? values.toString() : values.subList(0, 10) + "… (" + values.size() + " values)";
    }

    /** The rows of a slice, grouped by sensitive columns, and both models' summaries of them. */
    private static final class View {
        final Map<String, String> slice;
        final List<String> sensitive;
        final EvaluationData data;
        final int[] mask;
        final Groups groups;
        final List<GateDefinition> gates = new ArrayList<>();
        final Map<GateDefinition, Metric> metrics = new LinkedHashMap<>();
        MetricSummary candidate;
        MetricSummary baseline;

        View(Map<String, String> slice, List<String> sensitive, EvaluationData data) {
            this.slice = slice;
            this.sensitive = sensitive;
            this.data = data;
            this.groups = data.groups(sensitive);
            this.mask = slice.isEmpty() ? null : mask(slice, data);
        }

        boolean matches(GateDefinition gate) {
            return gate.slice().equals(slice) && gate.sensitive().equals(sensitive);
        }

        boolean needsScores() {
            return metrics.values().stream().anyMatch(Metric::needsScores);
        }

        boolean hasScores(ModelPredictions predictions) {
            return predictions instanceof BinaryPredictions binary && binary.score() != null;
        }

        long support() {
            if (groups == null) {
                return candidate.rows();
            }
            long smallest = Long.MAX_VALUE;
            for (long size : candidate.groupSizes()) {
                if (size > 0) {
                    smallest = Math.min(smallest, size);
                }
            }
            return smallest == Long.MAX_VALUE ? 0 : smallest;
        }

        private static int[] mask(Map<String, String> slice, EvaluationData data) {
            int[] mask = new int[data.size()];
            java.util.Arrays.fill(mask, 1);
            for (Map.Entry<String, String> entry : slice.entrySet()) {
                CategoricalColumn column = data.categorical().get(entry.getKey());
                int code = column.values().indexOf(entry.getValue());
                int[] codes = column.codes();
                for (int row = 0; row < mask.length; row++) {
                    if (codes[row] != code) {
                        mask[row] = 0;
                    }
                }
            }
            return mask;
        }
    }

    /** Point estimates and paired bootstrap resamples of every view. */
    private static final class Bootstrap {
        final BootstrapSettings settings;
        final EvaluationData data;
        final List<View> views;
        final int threads;
        final Map<GateDefinition, double[]> candidateValues = new LinkedHashMap<>();
        final Map<GateDefinition, double[]> deltaValues = new LinkedHashMap<>();
        BinaryScoring candidateScoring;
        BinaryScoring baselineScoring;

        Bootstrap(BootstrapSettings settings, EvaluationData data, List<View> views, int threads) {
            this.settings = settings;
            this.data = data;
            this.views = views;
            this.threads = threads;
        }

        void run() {
            // the row-wise scoring serves only the point estimates of sliced views
            boolean scores = views.stream().anyMatch(view -> view.mask != null && view.needsScores());
            if (scores && data.candidate() instanceof BinaryPredictions candidate) {
                candidateScoring = BinaryScoring.of(candidate);
                if (data.baseline() instanceof BinaryPredictions baseline) {
                    baselineScoring = BinaryScoring.of(baseline);
                }
            }
            // all rows of a binary model: sorted for the ranking curve once, regrouped for other views;
            // a baseline with the candidate's very predictions shares its summaries
            boolean baselineIsCandidate = samePredictions(data.candidate(), data.baseline());
            AllRows candidateRows = new AllRows(data.candidate());
            AllRows baselineRows = baselineIsCandidate ? candidateRows : new AllRows(data.baseline());
            for (View view : views) {
                view.candidate = view.mask == null ? candidateRows.summarize(view.groups)
                        : weighted(data.candidate(), view, view.mask, candidateScoring);
                if (data.baseline() != null) {
                    view.baseline = view.mask == null ? baselineRows.summarize(view.groups)
                            : baselineIsCandidate ? view.candidate
                            : weighted(data.baseline(), view, view.mask, baselineScoring);
                }
                for (GateDefinition gate : view.gates) {
                    candidateValues.put(gate, new double[settings.resamples()]);
                    deltaValues.put(gate, new double[settings.resamples()]);
                }
            }
            if (settings.resamples() == 0 || views.isEmpty()) {
                return;
            }
            if (data.candidate() instanceof BinaryPredictions candidate) {
                runBinary(candidate, (BinaryPredictions) data.baseline());
            } else {
                runOther();
            }
        }

        /** Whether a baseline's predictions are the candidate's, value for value. */
        private static boolean samePredictions(ModelPredictions candidate, ModelPredictions baseline) {
            return candidate instanceof BinaryPredictions c && baseline instanceof BinaryPredictions b
                    && Arrays.equals(c.actual(), b.actual()) && Arrays.equals(c.predicted(), b.predicted())
                    && Arrays.equals(c.score(), b.score());
        }

        /** Unweighted summaries of all rows of one model, by groups; a binary model's scores are summarized once. */
        private static final class AllRows {
            private final ModelPredictions predictions;
            private BinarySummary first;

            AllRows(ModelPredictions predictions) {
                this.predictions = predictions;
            }

            MetricSummary summarize(Groups groups) {
                if (!(predictions instanceof BinaryPredictions binary)) {
                    return MetricsReport.summarize(predictions, groups);
                }
                if (first == null) {
                    first = BinarySummary.of(binary, groups);
                    return first;
                }
                return first.regrouped(binary, groups);
            }
        }

        /** One thread's weights and working memory for binary models. */
        private record BinaryScratch(byte[] packed, BinaryResampler.Scratch plan) {
        }

        /** One thread's weights (all rows, and restricted to a slice) for other models. */
        private record WeightScratch(int[] weights, int[] sliced) {
        }

        /** Binary models: all views of a resample from one {@link BinaryResampler.Plan}. */
        private void runBinary(BinaryPredictions candidate, BinaryPredictions baseline) {
            BinaryResampler resampler = BinaryResampler.of(candidate, baseline);
            List<BinaryResampler.View> layout = new ArrayList<>();
            for (View view : views) {
                BinaryResampler.ScoreNeeds needs = BinaryResampler.ScoreNeeds.NONE;
                for (Metric metric : view.metrics.values()) {
                    needs = needs.or(BinaryResampler.ScoreNeeds.of((BinaryMetric) metric));
                }
                layout.add(new BinaryResampler.View(view.groups == null ? null : resampler.inOrder(view.groups.groupOfRow()),
                        view.groups == null ? 1 : view.groups.count(),
                        view.mask == null ? null : resampler.inOrder(view.mask), needs));
            }
            BinaryResampler.Plan plan = resampler.plan(layout);
            int rows = data.size();
            int resamples = settings.resamples();
            // resamples 2p and 2p + 1 share the passes over the rows (their weights packed in one byte)
            forEach((resamples + 1) / 2, () -> new BinaryScratch(new byte[rows], plan.newScratch()),
                    (scratch, pair) -> {
                        byte[] packed = scratch.packed();
                        PairedBootstrap.poissonWeightsPacked(settings.seed(), 2 * pair, 2 * pair + 1 < resamples, packed);
                        BinarySummary[][][] summaries = plan.summarizeTwo(packed, scratch.plan());
                        for (int lane = 0; lane < 2 && 2 * pair + lane < resamples; lane++) {
                            for (int v = 0; v < views.size(); v++) {
                                record(views.get(v), 2 * pair + lane, summaries[lane][v][0], summaries[lane][v][1]);
                            }
                        }
                    });
        }

        /** Multiclass and regression models: weighted summaries of each view. */
        private void runOther() {
            int rows = data.size();
            forEach(settings.resamples(), () -> new WeightScratch(new int[rows], new int[rows]), (scratch, r) -> {
                int[] weights = scratch.weights();
                int[] sliced = scratch.sliced();
                PairedBootstrap.poissonWeights(settings.seed(), r, weights);
                for (View view : views) {
                    int[] w = weights;
                    if (view.mask != null) {
                        for (int row = 0; row < w.length; row++) {
                            sliced[row] = weights[row] * view.mask[row];
                        }
                        w = sliced;
                    }
                    record(view, r, weighted(data.candidate(), view, w, null),
                            data.baseline() == null ? null : weighted(data.baseline(), view, w, null));
                }
            });
        }

        private void record(View view, int resample, MetricSummary candidate, MetricSummary baseline) {
            for (GateDefinition gate : view.gates) {
                Metric metric = view.metrics.get(gate);
                double value = metric.valueOf(candidate);
                candidateValues.get(gate)[resample] = value;
                deltaValues.get(gate)[resample] = baseline == null ? Double.NaN : value - metric.valueOf(baseline);
            }
        }

        /**
         * Runs tasks 0 to count - 1 once each on {@link #threads} threads, each thread with its own
         * scratch memory; which thread runs a task does not change its result.
         */
        private <S> void forEach(int count, Supplier<S> scratch, ObjIntConsumer<S> task) {
            AtomicInteger next = new AtomicInteger();
            Runnable worker = () -> {
                S mine = scratch.get();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    task.accept(mine, i);
                }
            };
            int workers = Math.min(threads, count);
            if (workers == 1) {
                worker.run();
                return;
            }
            ExecutorService pool = Executors.newFixedThreadPool(workers - 1, runnable -> {
                Thread thread = new Thread(runnable, "cd4ml-bootstrap");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int i = 1; i < workers; i++) {
                    running.add(pool.submit(worker));
                }
                worker.run();
                for (Future<?> future : running) {
                    future.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while resampling", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        Interval candidateInterval(GateDefinition gate) {
            return interval(candidateValues.get(gate));
        }

        Interval deltaInterval(GateDefinition gate) {
            return interval(deltaValues.get(gate));
        }

        private Interval interval(double[] values) {
            if (values == null || values.length == 0) {
                return Interval.NONE;
            }
            double[] bounds = PairedBootstrap.percentileInterval(values.clone(), settings.confidence());
            return new Interval(bounds[0], bounds[1]);
        }

        private static MetricSummary weighted(ModelPredictions predictions, View view, int[] weights,
                BinaryScoring scoring) {
            if (predictions instanceof BinaryPredictions binary) {
                return BinarySummary.weighted(binary, view.groups, scoring, weights);
            }
            if (predictions instanceof MulticlassPredictions multiclass) {
                return MulticlassSummary.of(multiclass, view.groups, weights);
            }
            return RegressionSummary.of((RegressionPredictions) predictions, view.groups, weights);
        }
    }
}
