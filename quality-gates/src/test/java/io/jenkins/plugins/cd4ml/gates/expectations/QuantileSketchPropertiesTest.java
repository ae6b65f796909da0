package io.jenkins.plugins.cd4ml.gates.expectations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class QuantileSketchPropertiesTest {
    @Property(tries = 30)
    void staysWithinItsRankErrorBound(@ForAll @IntRange(min = 1, max = 60_000) int n,
            @ForAll @DoubleRange(min = 0, max = 1) double q, @ForAll long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        QuantileSketch sketch = new QuantileSketch(256);
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian();
            sketch.update(values[i]);
        }
        Arrays.sort(values);
        double answer = sketch.quantile(q);
        // the answer's rank range in the exact data
        int low = lowerBound(values, answer);
        int high = upperBound(values, answer);
        double target = Math.max(1, Math.ceil(q * n));
        double slack = sketch.rankErrorBound() * n + 1;
        assertThat(target).isBetween(low + 1 - slack, high + slack);
        if (n <= 256) {
            assertThat(answer).isEqualTo(values[(int) target - 1]);
        }
    }

    @Property(tries = 10)
    void isDeterministic(@ForAll long seed) {
        QuantileSketch a = new QuantileSketch(64);
        QuantileSketch b = new QuantileSketch(64);
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            double v = random.nextDouble();
            a.update(v);
            b.update(v);
        }
        assertThat(a.quantile(0.37)).isEqualTo(b.quantile(0.37));
    }

    private static int lowerBound(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value);
        while (i > 0 && sorted[i - 1] == value) {
            i--;
        }
        return i;
    }

    private static int upperBound(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value);
        while (i < sorted.length - 1 && sorted[i + 1] == value) {
            i++;
        }
        return i + 1;
    }
}
