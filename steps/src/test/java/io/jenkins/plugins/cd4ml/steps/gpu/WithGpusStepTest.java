package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuRequest;
import io.jenkins.plugins.cd4ml.steps.StepArguments;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;

class WithGpusStepTest {
    private final WithGpusStep.DescriptorImpl descriptor = new WithGpusStep.DescriptorImpl();

    @Test
    void isABlockStepNamedWithGpusThatNeedsAnAgent() {
        assertThat(descriptor.getFunctionName()).isEqualTo("withGpus");
        assertThat(WithGpusStep.DescriptorImpl.class.getAnnotation(Symbol.class).value()).containsExactly("withGpus");
        assertThat(WithGpusStep.DescriptorImpl.class.isAnnotationPresent(Extension.class)).isTrue();
        assertThat(descriptor.takesImplicitBlockArgument()).isTrue();
        assertThat(Set.copyOf(descriptor.getRequiredContext()))
                .isEqualTo(Set.<Class<?>>of(FilePath.class, Run.class, TaskListener.class));
        assertThat(descriptor.getDisplayName()).isNotBlank();
    }

    @Test
    void asksForOneGpuOfAnySizeAndWaitsTenMinutesByDefault() throws Exception {
        WithGpusStep step = StepArguments.bind(WithGpusStep.class, Map.of());

        assertThat(StepArguments.requiredArgumentNames(WithGpusStep.class)).isEmpty();
        assertThat(step.ask()).isEqualTo(new GpuAsk(1, 0, 10));
        assertThat(step.getId()).isEmpty();
    }

    @Test
    void bindsEveryArgument() throws Exception {
        WithGpusStep step = StepArguments.bind(WithGpusStep.class,
                Map.of("count", 2, "minMemoryGb", 40, "maxWaitMinutes", 30, "id", " train "));

        assertThat(step.ask()).isEqualTo(new GpuAsk(2, 40, 30));
        assertThat(step.getId()).isEqualTo("train");
    }

    @Test
    void rejectsRequestsThatMakeNoSense() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GpuAsk(0, 0, 10)).withMessageContaining("count");
        assertThatIllegalArgumentException().isThrownBy(() -> new GpuAsk(1, -1, 10))
                .withMessageContaining("minMemoryGb");
        assertThatIllegalArgumentException().isThrownBy(() -> new GpuAsk(1, 0, -1))
                .withMessageContaining("maxWaitMinutes");
    }

    @Test
    void turnsTheAskIntoTheEnginesRequest() {
        GpuRequest request = new GpuAsk(2, 40, 30).toRequest("nightly #7");

        assertThat(request.count()).isEqualTo(2);
        assertThat(request.minMemoryMiB()).isEqualTo(GpuRequest.minMemoryMiBFor(40));
        assertThat(request.maxWait()).isEqualTo(Duration.ofMinutes(30));
        assertThat(request.owner()).isEqualTo("nightly #7");
        assertThat(new GpuAsk(2, 40, 30).describe()).isEqualTo("2 GPU(s) with at least 40 GB");
        assertThat(new GpuAsk(1, 0, 0).describe()).isEqualTo("1 GPU(s)");
    }
}
