package io.jenkins.plugins.cd4ml.gates.quality;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {
    @Property(tries = 20)
    void poissonWeightsAreReproducibleAndHaveMeanAndVarianceOne(@ForAll long seed) {
        int[] a = new int[50_000];
        int[] b = new int[50_000];
        PairedBootstrap.poissonWeights(seed, 3, a);
        PairedBootstrap.poissonWeights(seed, 3, b);
        assertThat(a).isEqualTo(b);

        double mean = java.util.Arrays.stream(a).average().orElseThrow();
        double variance = java.util.Arrays.stream(a).mapToDouble(w -> (w - mean) * (w - mean)).average().orElseThrow();
        assertThat(mean).isCloseTo(1.0, Offset.offset(0.03));
        assertThat(variance).isCloseTo(1.0, Offset.offset(0.05));
    }

    @Property(tries = 20)
    void byteWeightsAreTheIntWeights(@ForAll long seed, @ForAll @IntRange(max = 5003) int rows) {
        int[] ints = new int[rows];
        byte[] bytes = new byte[rows];
        PairedBootstrap.poissonWeights(seed, 7, ints);
        PairedBootstrap.poissonWeights(seed, 7, bytes);
        for (int i = 0; i < rows; i++) {
            assertThat(bytes[i]).isEqualTo((byte) ints[i]);
        }
    }

    @Property(tries = 30)
    void packedWeightsAreTwoResamplesWeights(@ForAll long seed, @ForAll @IntRange(max = 1000) int resample,
            @ForAll @IntRange(max = 2003) int rows) {
        byte[] low = new byte[rows];
        byte[] high = new byte[rows];
        PairedBootstrap.poissonWeights(seed, resample, low);
        PairedBootstrap.poissonWeights(seed, resample + 1, high);
        byte[] packed = new byte[rows];
        byte[] single = new byte[rows];
        PairedBootstrap.poissonWeightsPacked(seed, resample, true, packed);
        PairedBootstrap.poissonWeightsPacked(seed, resample, false, single);
        for (int i = 0; i < rows; i++) {
            assertThat(packed[i] & 15).as("low weight of row %d", i).isEqualTo((int) low[i]);
            assertThat((packed[i] & 0xFF) >>> 4).as("high weight of row %d", i).isEqualTo((int) high[i]);
            assertThat(single[i]).as("single resample, row %d", i).isEqualTo(low[i]);
        }
    }

    @Test
    void differentResamplesDiffer() {
        int[] a = new int[1000];
        int[] b = new int[1000];
        PairedBootstrap.poissonWeights(1, 0, a);
        PairedBootstrap.poissonWeights(1, 1, b);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void percentileIntervalInterpolatesAsNumpyAndSkipsNaN() {
        double[] values = {5, 1, Double.NaN, 3, 2, 4};
        double[] interval = PairedBootstrap.percentileInterval(values, 0.5);
        // numpy.quantile([1,2,3,4,5], [0.25, 0.75]) == [2, 4]
        assertThat(interval).containsExactly(2.0, 4.0);
        assertThat(PairedBootstrap.percentileInterval(new double[] {Double.NaN}, 0.95)[0]).isNaN();
    }
}
