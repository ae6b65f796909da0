package io.jenkins.plugins.cd4ml.steps.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.EnvVars;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuEnvironmentTest {
    private static final Map<String, String> LEASE = Map.of("CUDA_VISIBLE_DEVICES", "GPU-a,GPU-b",
            "NVIDIA_VISIBLE_DEVICES", "GPU-a,GPU-b", "CD4ML_GPU_UUIDS", "GPU-a,GPU-b", "CD4ML_GPU_COUNT", "2");

    /** EnvVars as in core for plain names: {@code override} replaces the value. */
    private static final class Env extends EnvVars {
        private static final long serialVersionUID = 1L;

        @Override
        public void override(String key, String value) {
            put(key, value);
        }
    }

    @Test
    void theBodySeesOnlyItsDevicesEvenWhenTheAgentSetOthers() {
        Env env = new Env();
        env.put("CUDA_VISIBLE_DEVICES", "0,1,2,3");
        env.put("PATH", "/usr/bin");

        new GpuEnvironment(LEASE).expand(env);

        assertThat(env).containsAllEntriesOf(LEASE).containsEntry("PATH", "/usr/bin").hasSize(5);
    }

    @Test
    void survivesARestartAsPartOfTheProgramState() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new GpuEnvironment(LEASE));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(((GpuEnvironment) in.readObject()).variables()).isEqualTo(LEASE);
        }
    }
}
