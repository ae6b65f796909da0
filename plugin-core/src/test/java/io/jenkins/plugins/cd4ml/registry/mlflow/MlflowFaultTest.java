package io.jenkins.plugins.cd4ml.registry.mlflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.fake.FakeMlflow;
import io.jenkins.plugins.cd4ml.fake.Fault;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.registry.RegistryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlflowFaultTest {
    @TempDir
    Path temp;
    private FakeMlflow fake;
    private MlflowModelRegistry registry;
    private Path artifact;

    @BeforeEach
    void start() throws Exception {
        fake = FakeMlflow.start("test-token");
        registry = MlflowModelRegistryContractTest.connect(fake);
        artifact = Files.writeString(temp.resolve("model.bin"), "weights");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private Registration registration() {
        return Registration.builder("m").artifact("model.bin", artifact).build();
    }

    @Test
    void throttlingAndServerErrorsOnReadsAreRetried() throws Exception {
        fake.failNext("registered-models/get", Fault.throttle());
        fake.failNext("model-versions/search", Fault.serverError());
        assertThat(registry.register(registration()).version()).isEqualTo(1);
    }

    @Test
    void aLostCreateResponseDoesNotDuplicateTheVersion() throws Exception {
        fake.failNext("model-versions/create", Fault.dropResponse());
        ModelVersion version = registry.register(registration());
        assertThat(version.version()).isEqualTo(1);
        assertThat(fake.versionCount("m")).isEqualTo(1);
        assertThat(registry.register(registration()).version()).isEqualTo(2);
    }

    @Test
    void aWrongTokenIsRefusedWithoutRetrying() throws Exception {
        MlflowModelRegistry wrong = new MlflowModelRegistry(new MlflowClient(fake.trackingUri(), Optional.of("nope"),
                new MlflowClient.Settings(4, Duration.ofMillis(10), Duration.ofMillis(80), Duration.ofSeconds(2))),
                java.time.Clock.systemUTC());
        assertThatThrownBy(() -> wrong.listModels()).isInstanceOf(RegistryException.class)
                .hasMessageContaining("UNAUTHENTICATED").hasMessageNotContaining("nope");
    }

    @Test
    void persistentServerErrorsFailAfterBoundedAttempts() throws Exception {
        for (int i = 0; i < 10; i++) {
            fake.failNext("registered-models/search", Fault.serverError());
        }
        assertThatThrownBy(() -> registry.listModels()).isInstanceOf(RegistryException.class)
                .hasMessageContaining("INTERNAL_ERROR");
        assertThat(fake.calls("registered-models/search")).isEqualTo(4);
    }
}
