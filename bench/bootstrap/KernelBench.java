import io.jenkins.plugins.cd4ml.gates.metrics.BinaryPredictions;
import io.jenkins.plugins.cd4ml.gates.metrics.BinaryResampler;
import io.jenkins.plugins.cd4ml.gates.quality.PairedBootstrap;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;

/**
 * Per-resample cost of the binary bootstrap kernel on synthetic data (1 M rows, scores with six
 * decimals as gen_data.py writes them, 5 groups), in thread CPU time so that a loaded machine
 * disturbs it less. Not a test. Run from the repository root after compiling quality-gates:
 *
 * <pre>java -cp quality-gates/target/classes bench/bootstrap/KernelBench.java [rows] [resamples] [auc+logloss+groups] [other|nobase|self]</pre>
 * (the baseline: another model, none, or the candidate's own predictions)
 */
public class KernelBench {
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Random random = new Random(42);
        byte[] actual = new byte[rows];
        double[] candidateScore = new double[rows];
        double[] baselineScore = new double[rows];
        byte[] candidatePredicted = new byte[rows];
        byte[] baselinePredicted = new byte[rows];
        int[] group = new int[rows];
        for (int i = 0; i < rows; i++) {
            actual[i] = (byte) (random.nextDouble() < 0.4 ? 1 : 0);
            double c = Math.min(1, Math.max(0, 0.4 + 0.2 * (actual[i] - 0.4) + 0.2 * random.nextGaussian()));
            double b = Math.min(1, Math.max(0, c + 0.05 * random.nextGaussian()));
            candidateScore[i] = Math.round(c * 1e6) / 1e6;
            baselineScore[i] = Math.round(b * 1e6) / 1e6;
            candidatePredicted[i] = (byte) (candidateScore[i] >= 0.5 ? 1 : 0);
            baselinePredicted[i] = (byte) (baselineScore[i] >= 0.5 ? 1 : 0);
            group[i] = random.nextInt(5);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long setupStart = threads.getCurrentThreadCpuTime();
        String baselineKind = args.length > 3 ? args[3] : "other";
        BinaryPredictions candidate = new BinaryPredictions(actual, candidatePredicted, candidateScore);
        BinaryResampler resampler = BinaryResampler.of(candidate, switch (baselineKind) {
            case "nobase" -> null;
            case "self" -> new BinaryPredictions(actual, candidatePredicted.clone(), candidateScore.clone());
            default -> new BinaryPredictions(actual, baselinePredicted, baselineScore);
        });
        String what = args.length > 2 ? args[2] : "auc+logloss";
        BinaryResampler.ScoreNeeds needs = new BinaryResampler.ScoreNeeds(what.contains("auc"), false,
                what.contains("logloss"), false);
        BinaryResampler.Plan plan = resampler.plan(List.of(
                new BinaryResampler.View(null, 1, null, needs),
                new BinaryResampler.View(resampler.inOrder(group), 5, null, BinaryResampler.ScoreNeeds.NONE)).subList(0,
                        what.contains("groups") ? 2 : 1));
        long setup = threads.getCurrentThreadCpuTime() - setupStart;
        BinaryResampler.Scratch scratch = plan.newScratch();
        byte[] weights = new byte[rows];
        double checksum = 0;
        long weighting = 0;
        long summarizing = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            weighting = 0;
            summarizing = 0;
            for (int r = 0; r < resamples; r += 2) {
                long t0 = threads.getCurrentThreadCpuTime();
                PairedBootstrap.poissonWeightsPacked(42, r, true, weights);
                long t1 = threads.getCurrentThreadCpuTime();
                checksum += plan.summarizeTwo(weights, scratch)[1][0][0].rocAuc();
                weighting += t1 - t0;
                summarizing += threads.getCurrentThreadCpuTime() - t1;
            }
        }
        System.out.printf("{\"rows\": %d, \"resamples\": %d, \"setup_cpu_ms\": %.1f, \"weights_cpu_ms_per_resample\": %.3f,"
                + " \"summarize_cpu_ms_per_resample\": %.3f, \"checksum\": %.12f}%n", rows, resamples, setup / 1e6,
                weighting / 1e6 / resamples, summarizing / 1e6 / resamples, checksum);
    }
}
