package io.jenkins.plugins.cd4ml.gates.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.gates.drift.EmpiricalDistribution;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KllSketchTest {
    @Test
    void rankErrorStaysSmallAndMemoryBoundedForAMillionValues() {
        KllSketch sketch = KllSketch.withDefaults();
        SplittableRandom random = new SplittableRandom(1);
        int n = 1_000_000;
        double[] exact = new double[n];
        for (int i = 0; i < n; i++) {
            exact[i] = random.nextGaussian() * 10 + Math.exp(random.nextDouble() * 3);
            sketch.update(exact[i]);
        }
        Arrays.sort(exact);
        assertThat(sketch.count()).isEqualTo(n);
        int retained = sketch.levels().stream().mapToInt(level -> level.length).sum();
        assertThat(retained).isLessThan((int) (KllSketch.DEFAULT_K / (1 - KllSketch.DEFAULT_C)) + 64);
        EmpiricalDistribution approximate = sketch.toDistribution();
        double worst = 0;
        for (int i = 1; i < 100; i++) {
            double x = exact[(int) ((long) n * i / 100)];
            long trueRank = upperBound(exact, x);
            worst = Math.max(worst, Math.abs(approximate.countAtMost(x) - trueRank) / (double) n);
        }
        assertThat(worst).isLessThan(0.005);
        EmpiricalDistribution full = EmpiricalDistribution.ofSample(exact);
        assertThat(EmpiricalDistribution.ksStatistic(approximate, full)).isLessThan(0.005);
    }

    private static long upperBound(double[] sorted, double x) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Property(tries = 50)
    void everyValueIsCountedAndSmallInputsStayExact(@ForAll @IntRange(min = 1, max = 20_000) int n) {
        KllSketch sketch = new KllSketch(256, KllSketch.DEFAULT_C);
        for (int i = 0; i < n; i++) {
            sketch.update(i % 977);
        }
        assertThat(sketch.count()).isEqualTo(n);
        assertThat(sketch.toDistribution().count()).isEqualTo(n);
        KllSketch copy = KllSketch.of(sketch.k(), sketch.c(), sketch.levels());
        assertThat(copy.count()).isEqualTo(n);
        if (n < 256) {
            assertThat(sketch.toDistribution().isEmpty()).isFalse();
            assertThat(sketch.levels()).hasSize(1);
        }
    }
}
