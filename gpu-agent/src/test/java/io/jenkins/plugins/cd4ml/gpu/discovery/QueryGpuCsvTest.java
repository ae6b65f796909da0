package io.jenkins.plugins.cd4ml.gpu.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class QueryGpuCsvTest {
    private static final List<String> FIELDS = List.of("index", "utilization.gpu", "power.draw");

    @Property(tries = 200)
    void readsBackWhatNvidiaSmiPrints(@ForAll @Size(min = 1, max = 16) List<@IntRange(max = 100) Integer> utilization,
            @ForAll @DoubleRange(max = 1000) double power) throws InvalidInputException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < utilization.size(); i++) {
            csv.append(i).append(", ").append(utilization.get(i)).append(", ")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", power)).append('\n');
        }
        List<Map<String, String>> rows = new QueryGpuCsv(FIELDS).parse(csv.toString());
        assertThat(rows).hasSize(utilization.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(Values.integer(rows.get(i).get("utilization.gpu"))).isEqualTo(utilization.get(i));
            assertThat(Values.number(rows.get(i).get("power.draw"))).isCloseTo(power, org.assertj.core.data.Offset.offset(0.006));
        }
    }

    @Test
    void notSupportedValuesAreAbsent() throws InvalidInputException {
        Map<String, String> row = new QueryGpuCsv(FIELDS).parse("0, [N/A], [Not Supported]\n").get(0);
        assertThat(Values.number(row.get("utilization.gpu"))).isNull();
        assertThat(Values.number(row.get("power.draw"))).isNull();
    }

    @Test
    void wrongColumnCountNamesTheLine() {
        assertThatThrownBy(() -> new QueryGpuCsv(FIELDS).parse("0, 1, 2\n1, 2\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(":2: expected 3 comma-separated values");
    }
}
