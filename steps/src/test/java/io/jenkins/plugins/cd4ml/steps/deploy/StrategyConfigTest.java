package io.jenkins.plugins.cd4ml.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.Extension;
import io.jenkins.plugins.cd4ml.deploy.strategy.AllAtOnce;
import io.jenkins.plugins.cd4ml.deploy.strategy.BlueGreen;
import io.jenkins.plugins.cd4ml.deploy.strategy.Canary;
import io.jenkins.plugins.cd4ml.deploy.strategy.InvalidStrategyException;
import io.jenkins.plugins.cd4ml.deploy.strategy.Linear;
import io.jenkins.plugins.cd4ml.deploy.strategy.Shadow;
import io.jenkins.plugins.cd4ml.steps.StepArguments;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

/** Strategy describables: binding, symbols, and the engine's guardrail messages. */
class StrategyConfigTest {
    @Test
    void bindsPipelineArgumentsToTheEngineStrategies() throws Exception {
        assertThat(StepArguments.bind(CanaryStrategy.class,
                Map.of("percent", 20, "bakeSeconds", 60, "alarms", List.of("5xx"))).toStrategy())
                .isEqualTo(new Canary(20, 60, List.of("5xx")));
        assertThat(StepArguments.bind(LinearStrategy.class,
                Map.of("stepPercent", 25, "intervalSeconds", 30, "alarms", List.of("5xx", "latency"))).toStrategy())
                .isEqualTo(new Linear(25, 30, List.of("5xx", "latency")));
        assertThat(StepArguments.bind(ShadowStrategy.class,
                Map.of("mirrorPercent", 50, "bakeSeconds", 120, "minAgreement", 0.9)).toStrategy())
                .isEqualTo(new Shadow(50, 120, 0.9, List.of()));
        assertThat(StepArguments.bind(BlueGreenStrategy.class, Map.of("bakeSeconds", 900)).toStrategy())
                .isEqualTo(new BlueGreen(900, List.of()));
        assertThat(StepArguments.bind(AllAtOnceStrategy.class, Map.of()).toStrategy())
                .isEqualTo(AllAtOnce.immediately());
    }

    @Test
    void defaultsAreInsideTheGuardrails() {
        assertThat(new ShadowStrategy().toStrategy()).isEqualTo(new Shadow(100, 600, 0.95, List.of()));
        assertThat(new BlueGreenStrategy().toStrategy()).isEqualTo(new BlueGreen(300, List.of()));
        CanaryStrategy canary = new CanaryStrategy();
        canary.setAlarms(List.of("errors"));
        assertThat(canary.toStrategy()).isEqualTo(new Canary(10, 600, List.of("errors")));
    }

    @Test
    void everyStrategyIsAnExtensionWithItsSymbol() {
        Map<Class<?>, String> symbols = Map.of(AllAtOnceStrategy.DescriptorImpl.class, "allAtOnce",
                CanaryStrategy.DescriptorImpl.class, "canary", LinearStrategy.DescriptorImpl.class, "linear",
                ShadowStrategy.DescriptorImpl.class, "shadow", BlueGreenStrategy.DescriptorImpl.class, "blueGreen");
        symbols.forEach((descriptor, symbol) -> {
            assertThat(descriptor.getAnnotation(Symbol.class).value()).as(descriptor.getName()).containsExactly(symbol);
            assertThat(descriptor.isAnnotationPresent(Extension.class)).as(descriptor.getName()).isTrue();
            assertThat(StrategyConfig.StrategyDescriptor.class).isAssignableFrom(descriptor);
        });
    }

    @Test
    void canaryAndLinearWithoutAlarmsAreRefusedWithTheGuardrailMessage() {
        assertThatThrownBy(() -> new CanaryStrategy().toStrategy()).isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("canary: rollback alarms are required");
        assertThatThrownBy(() -> new LinearStrategy().toStrategy()).isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("linear: rollback alarms are required");
    }

    @Test
    void formChecksReportTheFieldValueAndLimit() {
        assertThat(StrategyConfig.problem(() -> new Canary(60, 0, StrategyConfig.StrategyDescriptor.SOME_ALARM)))
                .contains("canary: percent must be between 1 and 50 %, got 60");
        assertThat(StrategyConfig.problem(() -> new Linear(5, 0, StrategyConfig.StrategyDescriptor.SOME_ALARM)))
                .contains("linear: stepPercent must be between 10 and 50 %, got 5");
        assertThat(StrategyConfig.problem(() -> new BlueGreen(4000, List.of())))
                .contains("blue-green: bakeSeconds must be between 0 and 3600 seconds, got 4000");
        assertThat(StrategyConfig.problem(() -> new Shadow(100, 0, 1.5, List.of())))
                .contains("shadow: minAgreement must be between 0 and 1, got 1.5");
        assertThat(StrategyConfig.problem(() -> new Canary(10, 600, StrategyConfig.alarmNames(" a, b\nc \n"))))
                .isEmpty();
    }

    @Test
    void alarmNamesAreReadOnePerLineOrCommaSeparated() {
        assertThat(StrategyConfig.alarmNames("5xx,\n latency \n\n")).containsExactly("5xx", "latency");
        assertThat(StrategyConfig.alarmNames(null)).isEmpty();
    }
}
