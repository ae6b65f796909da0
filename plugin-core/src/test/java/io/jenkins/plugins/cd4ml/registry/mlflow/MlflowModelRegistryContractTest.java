package io.jenkins.plugins.cd4ml.registry.mlflow;

import io.jenkins.plugins.cd4ml.fake.FakeMlflow;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelRegistryContractTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

class MlflowModelRegistryContractTest extends ModelRegistryContractTest {
    private FakeMlflow fake;

    static MlflowModelRegistry connect(FakeMlflow fake) {
        return new MlflowModelRegistry(new MlflowClient(fake.trackingUri(), Optional.of("test-token"),
                new MlflowClient.Settings(4, Duration.ofMillis(10), Duration.ofMillis(80), Duration.ofSeconds(2))),
                Clock.systemUTC());
    }

    @Override
    protected ModelRegistry createRegistry(Path temp) throws Exception {
        fake = FakeMlflow.start("test-token");
        return connect(fake);
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }
}
