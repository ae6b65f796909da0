package io.jenkins.plugins.cd4ml.gates.expectations;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.data.Offset;
import org.hipparchus.stat.descriptive.DescriptiveStatistics;

/** The one-pass statistics agree with Hipparchus' reference implementations. */
class StatisticCheckPropertiesTest {
    private static Expectation statistic(ExpectationType type) {
        return new Expectation("x: " + type.id(), type, "x", Severity.FAILURE, 1.0, null, "1e300", false, false,
                null, null, null, null, null, null, new SourceLocation("e.yaml", 1, 1));
    }

    private static double observe(ExpectationType type, List<Double> values) throws Exception {
        StatisticCheck check = new StatisticCheck(statistic(type), 0);
        Row row = new Row("data.csv", List.of("x"), new boolean[1], new String[1]);
        long n = 0;
        for (double value : values) {
            row.set(OneRow.of(new String[] {Double.toString(value)}, ++n, n + 1), 0);
            check.accept(row);
        }
        return check.result(n).observedValue();
    }

    @Property(tries = 200)
    void meanStddevMinMaxMatchHipparchus(@ForAll @Size(min = 2, max = 300) List<@DoubleRange(min = -1e6, max = 1e6) Double> values)
            throws Exception {
        DescriptiveStatistics reference = new DescriptiveStatistics();
        values.forEach(reference::addValue);
        double scale = Math.max(1, reference.getMax() - reference.getMin());
        assertThat(observe(ExpectationType.MEAN, values)).isCloseTo(reference.getMean(), Offset.offset(1e-9 * scale));
        assertThat(observe(ExpectationType.STDDEV, values))
                .isCloseTo(reference.getStandardDeviation(), Offset.offset(1e-9 * scale));
        assertThat(observe(ExpectationType.MIN, values)).isEqualTo(reference.getMin());
        assertThat(observe(ExpectationType.MAX, values)).isEqualTo(reference.getMax());
    }

    @Property(tries = 100)
    void distinctCountIsExactBelowTheCap(@ForAll @Size(max = 300) List<@DoubleRange(min = -5, max = 5) Double> values)
            throws Exception {
        List<Double> rounded = values.stream().map(v -> (double) Math.round(v)).toList();
        long expected = rounded.stream().map(v -> Double.toString(v)).distinct().count();
        StatisticCheck check = new StatisticCheck(statistic(ExpectationType.DISTINCT_COUNT), 0);
        Row row = new Row("data.csv", List.of("x"), new boolean[1], new String[1]);
        long n = 0;
        for (double value : rounded) {
            row.set(OneRow.of(new String[] {Double.toString(value)}, ++n, n + 1), 0);
            check.accept(row);
        }
        assertThat(check.result(n).observedValue()).isEqualTo((double) expected);
    }

    @org.junit.jupiter.api.Test
    void distinctCountSwitchesToHyperLogLogPastTheCap() throws Exception {
        StatisticCheck check = new StatisticCheck(statistic(ExpectationType.DISTINCT_COUNT), 0, 1000);
        Row row = new Row("data.csv", List.of("x"), new boolean[1], new String[1]);
        for (long n = 1; n <= 60_000; n++) {
            row.set(OneRow.of(new String[] {"v" + (n % 50_000)}, n, n + 1), 0);
            check.accept(row);
        }
        ExpectationResult result = check.result(60_000);
        // lgK = 14: relative standard error about 0.8%; 4 sigma
        assertThat(result.observedValue()).isCloseTo(50_000.0, Offset.offset(50_000 * 0.033));
        assertThat(result.observed()).contains("HyperLogLog estimate");
    }
}
