package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.steps.StepArguments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

class TrainModelStepTest {
    private final TrainModelStep.DescriptorImpl descriptor = new TrainModelStep.DescriptorImpl();

    @Test
    void isNamedTrainModelAndChecksForAnAgentOnlyWhenItRunsACommand() {
        assertThat(descriptor.getFunctionName()).isEqualTo("trainModel");
        assertThat(TrainModelStep.DescriptorImpl.class.getAnnotation(Symbol.class).value()).containsExactly("trainModel");
        assertThat(TrainModelStep.DescriptorImpl.class.isAnnotationPresent(Extension.class)).isTrue();
        assertThat(Set.copyOf(descriptor.getRequiredContext()))
                .isEqualTo(Set.<Class<?>>of(Run.class, TaskListener.class));
    }

    @Test
    void onlyTheCommandIsRequiredAndItRunsOnOneGpuByDefault() throws Exception {
        assertThat(StepArguments.requiredArgumentNames(TrainModelStep.class)).containsExactly("command");

        TrainModelStep.Plan plan = StepArguments.bind(TrainModelStep.class, Map.of("command", "python train.py")).plan();

        assertThat(plan.command()).containsExactly("python", "train.py");
        assertThat(plan.gpus()).isEqualTo(new GpuAsk(1, 0, 10));
        assertThat(plan.timeout()).isEqualTo(Duration.ZERO);
        assertThat(plan.outputs().declared()).isEmpty();
        assertThat(plan.section()).isEqualTo("training");
    }

    @Test
    void bindsEveryArgument() throws Exception {
        TrainModelStep step = StepArguments.bind(TrainModelStep.class, Map.of("command", "python train.py",
                "gpus", 2, "minMemoryGb", 40, "maxWaitMinutes", 5, "timeoutMinutes", 90, "id", "baseline",
                "outputs", Map.of("model", "out/model")));

        TrainModelStep.Plan plan = step.plan();

        assertThat(plan.gpus()).isEqualTo(new GpuAsk(2, 40, 5));
        assertThat(plan.timeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(plan.outputs().names()).isEqualTo(List.of("model"));
        assertThat(plan.section()).isEqualTo("training:baseline");
        assertThat(step.getOutputs()).containsEntry("model", "out/model");
    }

    @Test
    void zeroGpusMeansNoAllocation() throws Exception {
        TrainModelStep step = new TrainModelStep("java -version");
        step.setGpus(0);

        assertThat(step.plan().gpus()).isNull();
    }

    @Test
    void badArgumentsFailBeforeAnythingRuns() {
        TrainModelStep negative = new TrainModelStep("python train.py");
        negative.setGpus(-1);
        assertThatThrownBy(negative::plan).isInstanceOf(AbortException.class).hasMessageContaining("gpus");

        TrainModelStep timeout = new TrainModelStep("python train.py");
        timeout.setTimeoutMinutes(-5);
        assertThatThrownBy(timeout::plan).isInstanceOf(AbortException.class).hasMessageContaining("timeoutMinutes");

        TrainModelStep id = new TrainModelStep("python train.py");
        id.setId("a/b");
        assertThatThrownBy(id::plan).isInstanceOf(AbortException.class).hasMessageContaining("id");

        assertThatThrownBy(new TrainModelStep("  ")::plan).isInstanceOf(AbortException.class)
                .hasMessageContaining("empty");

        TrainModelStep escape = new TrainModelStep("python train.py");
        escape.setOutputs(Map.of("model", "../../etc"));
        assertThatThrownBy(escape::plan).isInstanceOf(AbortException.class).hasMessageContaining("leaves the workspace");
    }
}
