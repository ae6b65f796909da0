package io.jenkins.plugins.cd4ml.gates.drift;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"42", "-1.5e3", ".5", "5.", "+7", "1E-300", "0.1"})
    void plainDecimalsAreNumbers(String text) {
        assertThat(NumericText.parse(text)).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-inf", "1d", "2f", "0x1p3", "-0X10", " 1", "1 ", "1,5", "abc", "1-2", "--1"})
    void anythingElseIsNot(String text) {
        assertThat(NumericText.parse(text)).isNaN();
    }

    @Property(tries = 300)
    void everyFiniteDoubleReadsBackExactly(@ForAll double value) {
        if (Double.isFinite(value)) {
            assertThat(NumericText.parse(Double.toString(value))).isEqualTo(value);
        }
    }
}
