package io.jenkins.plugins.cd4ml.gates.drift;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The empirical distribution of a numeric column: its values sorted ascending, each with a weight.
 * An exact sample (every value weighs 1) is kept as a bare primitive array, so ten million values
 * take 80 MB and no boxing; a quantile sketch is a short list of values with power-of-two weights
 * (the same shape), which lets every metric run unchanged on a profile baseline.
 *
 * <p>Instances are immutable once built; the arrays are owned, never exposed.
 */
public final class EmpiricalDistribution implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] values;
    /** Cumulative weights ({@code cumulative[i]} = weight of values[0..i]), or null when every weight is 1. */
    private final long[] cumulative;

    private EmpiricalDistribution(double[] values, long[] cumulative) {
        this.values = values;
        this.cumulative = cumulative;
    }

    /**
     * Takes ownership of an array and sorts it (a radix sort when large, see {@link DoubleSorter}).
     *
     * @param values the sample; must not contain NaN; the array is sorted in place and kept
     * @return the distribution of the sample
     */
    public static EmpiricalDistribution ofSample(double[] values) {
        return ofSample(values, values.length, new DoubleSorter());
    }

    /**
     * An unweighted sample: the first {@code n} values, sorted in place with the given sorter's
     * scratch (reused when one thread builds several distributions).
     *
     * @param values the values (not NaN); the first {@code n} are sorted in place and kept when
     *     {@code n} is the array's length, else copied
     * @param n how many leading values form the sample
     * @param sorter the sorter
     * @return the distribution
     */
    public static EmpiricalDistribution ofSample(double[] values, int n, DoubleSorter sorter) {
        sorter.sortFirst(values, n);
        return new EmpiricalDistribution(n == values.length ? values : Arrays.copyOf(values, n), null);
    }

    /**
     * A weighted sample, as kept by a quantile sketch.
     *
     * @param values the retained values (any order; copied)
     * @param weights the weight of each value (positive)
     * @return the distribution
     */
    public static EmpiricalDistribution ofWeighted(double[] values, long[] weights) {
        if (values.length != weights.length) {
            throw new IllegalArgumentException("values and weights differ in length");
        }
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] sorted = new double[values.length];
        long[] cumulative = new long[values.length];
        long total = 0;
        for (int i = 0; i < order.length; i++) {
            sorted[i] = values[order[i]];
            if (weights[order[i]] <= 0) {
                throw new IllegalArgumentException("weights must be positive");
            }
            total += weights[order[i]];
            cumulative[i] = total;
        }
        return new EmpiricalDistribution(sorted, cumulative);
    }

    /** @return whether every value weighs 1 (an exact sample rather than a sketch) */
    public boolean isExact() {
        return cumulative == null;
    }

    /** @return the number of values represented (the total weight) */
    public long count() {
        return cumulative == null ? values.length : values.length == 0 ? 0 : cumulative[values.length - 1];
    }

    /** @return whether the distribution holds no value */
    public boolean isEmpty() {
        return values.length == 0;
    }

    /** @return the smallest value */
    public double min() {
        return values[0];
    }

    /** @return the largest value */
    public double max() {
        return values[values.length - 1];
    }

    /**
     * The number (total weight) of values less than or equal to {@code x}.
     *
     * @param x the point
     * @return the weight at or below {@code x}
     */
    public long countAtMost(double x) {
        int index = upperBound(x);
        return weightOfFirst(index);
    }

    private long weightOfFirst(int items) {
        if (cumulative == null) {
            return items;
        }
        return items == 0 ? 0 : cumulative[items - 1];
    }

    /** @return the number of retained items whose value is {@code <= x} */
    private int upperBound(double x) {
        int low = 0;
        int high = values.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** @return the value of 0-based rank {@code r} in the expanded (weight-repeated) sample */
    private double valueAtRank(long rank) {
        if (cumulative == null) {
            return values[(int) rank];
        }
        int low = 0;
        int high = values.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > rank) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return values[low];
    }

    /**
     * A quantile with numpy's default ("linear") method: the virtual index {@code (n-1)·p} is
     * interpolated between its neighbours with numpy's two-sided lerp, so results agree bit for bit.
     *
     * @param p the probability in [0, 1]
     * @return the quantile
     */
    public double quantile(double p) {
        long n = count();
        double virtual = (n - 1) * p;
        if (virtual >= n - 1) {
            return max();
        }
        if (virtual <= 0) {
            return min();
        }
        double previousIndex = Math.floor(virtual);
        long previous = (long) previousIndex;
        double gamma = virtual - previousIndex;
        return lerp(valueAtRank(previous), valueAtRank(previous + 1), gamma);
    }

    /** numpy's {@code _lerp}: exact at both ends, monotone in t. */
    static double lerp(double a, double b, double t) {
        double difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }

    /**
     * The 9 bin edges of PSI: the quantiles at 0.1, 0.2, …, 0.9 (duplicates kept). The levels are
     * computed as numpy's {@code linspace(0.1, 0.9, 9)} does ({@code 0.1 + i·0.1}, the last exactly
     * 0.9): {@code 0.30000000000000004} rather than {@code 0.3} moves a value across an edge when
     * {@code (n-1)·p} is a whole number, and the reference values depend on it.
     *
     * @return the edges, ascending
     */
    public double[] decileEdges() {
        double[] edges = new double[9];
        double step = (0.9 - 0.1) / 8;
        for (int i = 0; i < 9; i++) {
            double level = i == 8 ? 0.9 : i * step + 0.1;
            edges[i] = quantile(level);
        }
        return edges;
    }

    /**
     * Counts values per bin: bin 0 holds {@code x <= edge[0]}, bin i holds
     * {@code edge[i-1] < x <= edge[i]}, the last bin {@code x > edge[last]}.
     *
     * @param edges ascending edges
     * @return {@code edges.length + 1} counts
     */
    public long[] binCounts(double[] edges) {
        long[] counts = new long[edges.length + 1];
        long below = 0;
        for (int i = 0; i < edges.length; i++) {
            long atMost = countAtMost(edges[i]);
            counts[i] = atMost - below;
            below = atMost;
        }
        counts[edges.length] = count() - below;
        return counts;
    }

    /** @return the arithmetic mean */
    public double mean() {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i] * weight(i);
        }
        return sum / count();
    }

    /**
     * The sample standard deviation (ddof 1), two-pass as numpy computes it.
     *
     * @return the standard deviation, NaN for fewer than two values
     */
    public double sampleStdDev() {
        long n = count();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            double deviation = values[i] - mean;
            squares += deviation * deviation * weight(i);
        }
        return Math.sqrt(squares / (n - 1));
    }

    private long weight(int index) {
        if (cumulative == null) {
            return 1;
        }
        return index == 0 ? cumulative[0] : cumulative[index] - cumulative[index - 1];
    }

    /**
     * The two-sample Kolmogorov–Smirnov statistic: the largest gap between the two empirical CDFs,
     * evaluated at every value of either sample.
     *
     * @param a one distribution
     * @param b the other
     * @return D in [0, 1]
     */
    public static double ksStatistic(EmpiricalDistribution a, EmpiricalDistribution b) {
        double na = a.count();
        double nb = b.count();
        int i = 0;
        int j = 0;
        double largest = 0;
        while (i < a.values.length && j < b.values.length) {
            double x = Math.min(a.values[i], b.values[j]);
            i = a.advancePast(i, x);
            j = b.advancePast(j, x);
            double gap = Math.abs(a.weightOfFirst(i) / na - b.weightOfFirst(j) / nb);
            if (gap > largest) {
                largest = gap;
            }
        }
        return largest;
    }

    /**
     * The Wasserstein-1 distance: the area between the two empirical CDFs,
     * {@code Σ |F_a(x_k) - F_b(x_k)| · (x_{k+1} - x_k)} over the merged sorted values.
     *
     * @param a one distribution
     * @param b the other
     * @return the distance, in the column's units
     */
    public static double wasserstein(EmpiricalDistribution a, EmpiricalDistribution b) {
        double na = a.count();
        double nb = b.count();
        int i = 0;
        int j = 0;
        double sum = 0;
        double compensation = 0;
        double previous = 0;
        double gap = 0;
        boolean started = false;
        while (i < a.values.length || j < b.values.length) {
            double x;
            if (i == a.values.length) {
                x = b.values[j];
            } else if (j == b.values.length) {
                x = a.values[i];
            } else {
                x = Math.min(a.values[i], b.values[j]);
            }
            if (started) {
                // Kahan summation keeps ten million terms as accurate as numpy's pairwise sum
                double term = gap * (x - previous) - compensation;
                double next = sum + term;
                compensation = next - sum - term;
                sum = next;
            }
            i = a.advancePast(i, x);
            j = b.advancePast(j, x);
            gap = Math.abs(a.weightOfFirst(i) / na - b.weightOfFirst(j) / nb);
            previous = x;
            started = true;
        }
        return sum;
    }

    private int advancePast(int index, double x) {
        int i = index;
        while (i < values.length && values[i] <= x) {
            i++;
        }
        return i;
    }
}
