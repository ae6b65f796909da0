package io.jenkins.plugins.cd4ml.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.cd4ml.Cd4mlVersion;
import io.jenkins.plugins.cd4ml.gpu.AgentFacts;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cd4mlInfoStepTest {
    private final Cd4mlInfoStep.DescriptorImpl descriptor = new Cd4mlInfoStep.DescriptorImpl();

    @Test
    void isRegisteredAsCd4mlInfoAndNeedsAWorkspace() {
        assertThat(descriptor.getFunctionName()).isEqualTo("cd4mlInfo");
        assertThat(Cd4mlInfoStep.DescriptorImpl.class.getAnnotation(Symbol.class).value())
                .containsExactly(descriptor.getFunctionName());
        assertThat(Cd4mlInfoStep.DescriptorImpl.class.isAnnotationPresent(Extension.class)).isTrue();
        assertThat(Set.copyOf(descriptor.getRequiredContext()))
                .isEqualTo(Set.<Class<?>>of(FilePath.class, Run.class, TaskListener.class));
        assertThat(descriptor.getDisplayName()).isNotBlank();
    }

    @Test
    void bindsNoRequiredArgumentsAndTheOptionalProbeGpu() throws Exception {
        assertThat(StepArguments.requiredArgumentNames(Cd4mlInfoStep.class)).isEmpty();
        assertThat(StepArguments.bind(Cd4mlInfoStep.class, Map.of()).isProbeGpu()).isTrue();
        assertThat(StepArguments.bind(Cd4mlInfoStep.class, Map.of("probeGpu", false)).isProbeGpu()).isFalse();
    }

    @Test
    void rejectsUnknownArguments() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> StepArguments.bind(Cd4mlInfoStep.class, Map.of("gpus", 2)))
                .withMessageContaining("gpus");
    }

    @Test
    void describesThePluginAndTheAgentAsAFlatMapOfJdkValues() {
        Properties jvm = new Properties();
        jvm.setProperty("java.version", "21.0.4");
        jvm.setProperty("java.vendor", "Oracle Corporation");
        jvm.setProperty("os.name", "Windows 11");
        jvm.setProperty("os.arch", "aarch64");
        AgentFacts facts = AgentFacts.of(jvm, 12, Map.of());

        Map<String, Object> info = Cd4mlInfoStep.describe("1.2.3", facts);

        assertThat(info.keySet()).containsExactly("pluginVersion", "javaVersion", "javaVendor", "osName",
                "osArch", "cpuCount", "nvidiaSmi", "nvidiaSmiPath");
        assertThat(info.values()).containsExactly("1.2.3", "21.0.4", "Oracle Corporation", "Windows 11",
                "aarch64", 12, false, null);
        assertThat(info.values()).allSatisfy(v -> assertThat(v == null || v instanceof Serializable).isTrue());
    }

    @Test
    void theAgentCallableReportsTheMachineItRunsOnAndIsSerializable(@TempDir File workspace) throws Exception {
        AgentFactsCallable callable = new AgentFactsCallable(false);

        AgentFacts facts = callable.invoke(workspace, null);

        assertThat(facts.javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(facts.osName()).isEqualTo(System.getProperty("os.name"));
        assertThat(facts.cpuCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(facts.nvidiaSmiPresent()).as("probeGpu=false leaves PATH unread").isFalse();
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(callable);
        }
    }

    @Test
    void theStepsPluginVersionIsTheEngineVersionOfThisBuild() {
        assertThat(Cd4mlVersion.get()).isNotEqualTo("unknown").matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
