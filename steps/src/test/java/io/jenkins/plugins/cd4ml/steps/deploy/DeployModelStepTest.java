package io.jenkins.plugins.cd4ml.steps.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.deploy.strategy.Canary;
import io.jenkins.plugins.cd4ml.deploy.strategy.InvalidStrategyException;
import io.jenkins.plugins.cd4ml.steps.StepArguments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

/** Argument binding and validation of {@code deployModel} and {@code promoteModel}. */
class DeployModelStepTest {
    @Test
    void bindsArgumentsAsThePipelineWritesThem() throws Exception {
        CanaryStrategy canary = StepArguments.bind(CanaryStrategy.class,
                Map.of("percent", 10, "bakeSeconds", 600, "alarms", List.of("credit-risk-5xx")));
        DeployModelStep step = StepArguments.bind(DeployModelStep.class, Map.of("name", "credit-risk",
                "version", "7", "environment", "staging", "environments", "ml/environments.yaml",
                "strategy", canary, "lockTimeoutMinutes", 5));

        assertThat(StepArguments.requiredArgumentNames(DeployModelStep.class))
                .containsExactly("name", "version", "environment");
        assertThat(step.order()).isEqualTo(new DeployModelStep.Order("credit-risk", "7", "staging",
                new Canary(10, 600, List.of("credit-risk-5xx")), Duration.ofMinutes(5)));
        assertThat(step.getEnvironments()).isEqualTo("ml/environments.yaml");
        assertThat(step.order().step()).isEqualTo("deployModel");
    }

    @Test
    void defaultsToAllAtOnceAndNoEnvironmentsFile() throws Exception {
        DeployModelStep step = StepArguments.bind(DeployModelStep.class,
                Map.of("name", "m", "version", "champion", "environment", "dev"));

        assertThat(step.getEnvironments()).as("the global configuration's, else environments.yaml").isNull();
        assertThat(step.getStrategy()).isInstanceOf(AllAtOnceStrategy.class);
        assertThat(step.getLockTimeoutMinutes()).isEqualTo(30);
    }

    @Test
    void invalidStrategiesAndMissingArgumentsFailBeforeAnythingRuns() {
        DeployModelStep step = new DeployModelStep("m", "1", "dev");
        step.setStrategy(new LinearStrategy());
        assertThatThrownBy(step::order).isInstanceOf(InvalidStrategyException.class)
                .hasMessageContaining("linear: rollback alarms are required");
        assertThatThrownBy(() -> new DeployModelStep("m", " ", "dev").order())
                .hasMessage("missing required argument 'version'");
    }

    @Test
    void promoteModelBindsAndRefusesPromotingAnEnvironmentToItself() throws Exception {
        PromoteModelStep step = StepArguments.bind(PromoteModelStep.class, Map.of("name", "credit-risk",
                "from", "staging", "to", "production", "strategy", new BlueGreenStrategy()));

        assertThat(StepArguments.requiredArgumentNames(PromoteModelStep.class)).containsExactly("name", "from", "to");
        assertThat(step.order().step()).isEqualTo("promoteModel");
        assertThatThrownBy(() -> new PromoteModelStep("m", "staging", "staging").order())
                .hasMessageContaining("'from' and 'to' are both 'staging'");
    }

    @Test
    void stepsAreRegisteredUnderTheirFunctionNames() {
        assertThat(new DeployModelStep.DescriptorImpl().getFunctionName()).isEqualTo("deployModel");
        assertThat(new PromoteModelStep.DescriptorImpl().getFunctionName()).isEqualTo("promoteModel");
        assertThat(DeployModelStep.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("deployModel");
        assertThat(PromoteModelStep.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly("promoteModel");
        assertThat(DeploymentReports.section("prod eu")).isEqualTo("deployment:prod_eu");
    }
}
