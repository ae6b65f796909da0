package io.jenkins.plugins.cd4ml.gates.profile;

import io.jenkins.plugins.cd4ml.gates.drift.EmpiricalDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A KLL quantile sketch (Karnin, Lang, Liberty 2016) in the shape SageMaker Model Monitor's
 * {@code statistics.json} stores: parameters {@code k} and {@code c} and a list of compactor levels,
 * where each value retained at level {@code h} stands for {@code 2^h} input values. Memory is bounded
 * by about {@code k / (1 - c)} doubles whatever the number of values (≈ 5 700 for k = 2048, c = 0.64).
 *
 * <p>Level {@code h} of {@code H} holds at most {@code max(2, ceil(k · c^(H-1-h)))} values; when a
 * level is full it is sorted and every second value (from a random offset) moves up a level. The
 * random source is seeded, so the same input gives the same sketch.
 */
public final class KllSketch {
    /** SageMaker's (and Deequ's) default sketch size. */
    public static final int DEFAULT_K = 2048;
    /** SageMaker's (and Deequ's) default shrinking factor. */
    public static final double DEFAULT_C = 0.64;

    private final int k;
    private final double c;
    private final List<double[]> levels = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(0x6364346dL);

    /**
     * @param k the size of the largest level (≥ 8)
     * @param c the shrinking factor of lower levels, in (0.5, 1)
     */
    public KllSketch(int k, double c) {
        if (k < 8 || !(c > 0.5 && c < 1)) {
            throw new IllegalArgumentException("KLL needs k >= 8 and 0.5 < c < 1 (found k=" + k + ", c=" + c + ")");
        }
        this.k = k;
        this.c = c;
        addLevel();
    }

    /** @return a sketch with SageMaker's defaults */
    public static KllSketch withDefaults() {
        return new KllSketch(DEFAULT_K, DEFAULT_C);
    }

    /**
     * Rebuilds a sketch from stored levels (level 0 first).
     *
     * @param k the sketch size parameter
     * @param c the shrinking factor
     * @param data the values retained per level
     * @return the sketch
     */
    public static KllSketch of(int k, double c, List<double[]> data) {
        KllSketch sketch = new KllSketch(k, c);
        sketch.levels.clear();
        sketch.sizes.clear();
        for (double[] level : data) {
            double[] copy = Arrays.copyOf(level, Math.max(level.length, 2));
            sketch.levels.add(copy);
            sketch.sizes.add(level.length);
        }
        if (sketch.levels.isEmpty()) {
            sketch.addLevel();
        }
        return sketch;
    }

    /** @return the sketch size parameter */
    public int k() {
        return k;
    }

    /** @return the shrinking factor */
    public double c() {
        return c;
    }

    /**
     * Adds a value.
     *
     * @param value a finite number
     */
    public void update(double value) {
        append(0, value);
        if (sizes.get(0) >= capacity(0)) {
            compress();
        }
    }

    private void append(int level, double value) {
        double[] buffer = levels.get(level);
        int size = sizes.get(level);
        if (size == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(4, buffer.length * 2));
            levels.set(level, buffer);
        }
        buffer[size] = value;
        sizes.set(level, size + 1);
    }

    private void addLevel() {
        levels.add(new double[16]);
        sizes.add(0);
    }

    private int capacity(int level) {
        int depth = levels.size() - 1 - level;
        return Math.max(2, (int) Math.ceil(k * Math.pow(c, depth)));
    }

    private void compress() {
        for (int level = 0; level < levels.size(); level++) {
            if (sizes.get(level) >= capacity(level)) {
                if (level + 1 == levels.size()) {
                    addLevel();
                }
                compact(level);
            }
        }
    }

    /** Sorts a level and moves every second value (random offset) one level up. */
    private void compact(int level) {
        double[] buffer = levels.get(level);
        int size = sizes.get(level);
        Arrays.sort(buffer, 0, size);
        // an odd value out stays behind, so the retained weight stays exact
        int kept = size % 2;
        double keep = kept == 1 ? buffer[size - 1] : 0;
        int offset = random.nextBoolean() ? 1 : 0;
        for (int i = offset; i < size - kept; i += 2) {
            append(level + 1, buffer[i]);
        }
        sizes.set(level, 0);
        if (kept == 1) {
            buffer[0] = keep;
            sizes.set(level, 1);
        }
    }

    /** @return the retained values per level, level 0 first (copies) */
    public List<double[]> levels() {
        List<double[]> copy = new ArrayList<>();
        for (int level = 0; level < levels.size(); level++) {
            double[] values = Arrays.copyOf(levels.get(level), sizes.get(level));
            Arrays.sort(values);
            copy.add(values);
        }
        return copy;
    }

    /** @return the number of values represented (each level-h value counts 2^h) */
    public long count() {
        long total = 0;
        for (int level = 0; level < levels.size(); level++) {
            total += (long) sizes.get(level) << level;
        }
        return total;
    }

    /** @return the retained values as a weighted distribution, for quantiles and drift metrics */
    public EmpiricalDistribution toDistribution() {
        int retained = 0;
        for (int size : sizes) {
            retained += size;
        }
        double[] values = new double[retained];
        long[] weights = new long[retained];
        int at = 0;
        for (int level = 0; level < levels.size(); level++) {
            double[] buffer = levels.get(level);
            for (int i = 0; i < sizes.get(level); i++) {
                values[at] = buffer[i];
                weights[at] = 1L << level;
                at++;
            }
        }
        return EmpiricalDistribution.ofWeighted(values, weights);
    }
}
