package io.jenkins.plugins.cd4ml.gates.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DoubleSorterTest {
    @Property(tries = 20)
    void sortsExactlyAsArraysSortDoes(@ForAll @LongRange(min = 0, max = 1000) long seed,
            @ForAll @IntRange(min = 0, max = 3) int shape) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[(1 << 15) + random.nextInt(20_000)];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (shape) {
                case 0 -> random.nextGaussian() * Math.pow(10, random.nextInt(-5, 6));
                case 1 -> random.nextInt(-50, 50);
                case 2 -> random.nextBoolean() ? 0.0 : -0.0;
                default -> random.nextInt(4) == 0 ? Double.MAX_VALUE * (random.nextBoolean() ? 1 : -1)
                        : Double.MIN_VALUE * random.nextInt(-3, 3);
            };
        }
        double[] expected = values.clone();
        Arrays.sort(expected);
        double[] prefix = values.clone();
        DoubleSorter.sort(values);
        assertThat(Arrays.equals(values, expected)).isTrue();

        // a prefix, as the ranking curve sorts the used part of its score arrays
        int n = prefix.length - random.nextInt(1000);
        double[] expectedPrefix = prefix.clone();
        Arrays.sort(expectedPrefix, 0, n);
        DoubleSorter.sort(prefix, n);
        assertThat(Arrays.equals(prefix, expectedPrefix)).isTrue();
    }
}
