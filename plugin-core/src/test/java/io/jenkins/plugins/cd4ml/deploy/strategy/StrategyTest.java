package io.jenkins.plugins.cd4ml.deploy.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.json.Json;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Strategy values enforce the SageMaker guardrail limits. */
class StrategyTest {
    private static final List<String> ALARMS = List.of("errors");

    @Property
    void canaryAcceptsExactlyOneToFiftyPercent(@ForAll @IntRange(min = -10, max = 120) int percent) {
        if (percent >= 1 && percent <= 50) {
            assertThat(new Canary(percent, 0, ALARMS).percent()).isEqualTo(percent);
        } else {
            assertThatThrownBy(() -> new Canary(percent, 0, ALARMS)).isInstanceOf(InvalidStrategyException.class)
                    .hasMessageContaining("between 1 and 50");
        }
    }

    @Property
    void linearAcceptsStepsOfTenToFiftyPercentAndEndsAtHundred(@ForAll @IntRange(min = 0, max = 100) int step) {
        if (step >= 10 && step <= 50) {
            List<Integer> steps = new Linear(step, 5, ALARMS).steps();
            assertThat(steps).isSorted().last().isEqualTo(100);
            assertThat(steps.get(0)).isEqualTo(step);
            assertThat(steps).doesNotHaveDuplicates();
        } else {
            assertThatThrownBy(() -> new Linear(step, 5, ALARMS)).hasMessageContaining("between 10 and 50");
        }
    }

    @Property
    void bakeTimesAreLimitedToAnHour(@ForAll @IntRange(min = -5, max = 4000) int seconds) {
        boolean valid = seconds >= 0 && seconds <= 3600;
        assertThat(accepts(() -> new Canary(10, seconds, ALARMS))).isEqualTo(valid);
        assertThat(accepts(() -> new Linear(10, seconds, ALARMS))).isEqualTo(valid);
        assertThat(accepts(() -> new BlueGreen(seconds, List.of()))).isEqualTo(valid);
        assertThat(accepts(() -> new AllAtOnce(seconds, List.of()))).isEqualTo(valid);
        assertThat(accepts(() -> new Shadow(10, seconds, 0.9, List.of()))).isEqualTo(valid);
    }

    @Test
    void canaryAndLinearRefuseToRunWithoutAlarms() {
        assertThatThrownBy(() -> new Canary(10, 600, List.of()))
                .hasMessage("canary: rollback alarms are required (name at least one alarm that stops the rollout,"
                        + " e.g. --alarm model-5xx-errors); a canary rollout without alarms cannot roll back on its own");
        assertThatThrownBy(() -> new Linear(10, 600, null)).hasMessageContaining("linear: rollback alarms are required");
        assertThat(new BlueGreen(0, null).alarms()).isEmpty();
    }

    @Test
    void atMostTenUniqueAlarms() {
        assertThatThrownBy(() -> new Canary(10, 0, Collections.nCopies(11, "a")))
                .hasMessageContaining("at most 10");
        assertThatThrownBy(() -> new Canary(10, 0, List.of("a", "a"))).hasMessageContaining("unique");
        assertThatThrownBy(() -> new Canary(10, 0, List.of(""))).hasMessageContaining("1 to 255");
    }

    @Test
    void shadowAgreementIsAFraction() {
        assertThatThrownBy(() -> new Shadow(10, 0, 1.5, List.of())).hasMessageContaining("minAgreement");
        assertThatThrownBy(() -> new Shadow(0, 0, 0.5, List.of())).hasMessageContaining("mirrorPercent");
    }

    @Test
    void strategiesRoundTripThroughJson() throws Exception {
        for (DeploymentStrategy strategy : List.of(new Canary(10, 600, ALARMS), new Linear(20, 60, ALARMS),
                new Shadow(50, 30, 0.95, List.of()), new BlueGreen(300, ALARMS), AllAtOnce.immediately())) {
            String json = Json.mapper().writeValueAsString(strategy);
            assertThat(json).contains("\"type\" : \"" + strategy.name() + "\"");
            assertThat(Json.mapper().readValue(json, DeploymentStrategy.class)).isEqualTo(strategy);
        }
    }

    private static boolean accepts(Runnable constructor) {
        try {
            constructor.run();
            return true;
        } catch (InvalidStrategyException e) {
            return false;
        }
    }
}
