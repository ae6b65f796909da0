package io.jenkins.plugins.cd4ml.gates.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Chunked columns hold exactly what was added, also when one column's chunks are appended to another's. */
class DoubleChunksTest {
    @Property(tries = 50)
    void holdsWhatWasAddedInOrder(@ForAll @IntRange(max = 40_000) int size) {
        DoubleChunks chunks = new DoubleChunks();
        IntStream.range(0, size).forEach(i -> chunks.add(i * 0.5));

        assertThat(chunks.size()).isEqualTo(size);
        assertThat(chunks.toArray()).containsExactly(IntStream.range(0, size).mapToDouble(i -> i * 0.5).toArray());
    }

    @Property(tries = 50)
    void appendingAnotherColumnGivesBothInOrder(@ForAll @IntRange(max = 30_000) int first,
            @ForAll @IntRange(max = 30_000) int second, @ForAll @IntRange(max = 5_000) int addedAfter) {
        DoubleChunks earlier = new DoubleChunks();
        DoubleChunks later = new DoubleChunks();
        IntStream.range(0, first).forEach(i -> earlier.add(i));
        IntStream.range(0, second).forEach(i -> later.add(-i));

        earlier.addAll(later);
        IntStream.range(0, addedAfter).forEach(i -> earlier.add(1e6 + i));

        double[] expected = DoubleStream.concat(DoubleStream.concat(IntStream.range(0, first).mapToDouble(i -> i),
                IntStream.range(0, second).mapToDouble(i -> -i)),
                IntStream.range(0, addedAfter).mapToDouble(i -> 1e6 + i)).toArray();
        assertThat(earlier.size()).isEqualTo(expected.length);
        assertThat(later.size()).isZero();
        assertThat(earlier.toArray()).containsExactly(expected);
    }
}
