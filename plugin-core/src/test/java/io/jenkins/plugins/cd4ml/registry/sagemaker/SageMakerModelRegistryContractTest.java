package io.jenkins.plugins.cd4ml.registry.sagemaker;

import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelRegistryContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

class SageMakerModelRegistryContractTest extends ModelRegistryContractTest {
    private SageMakerFixture fixture;

    @Override
    protected ModelRegistry createRegistry(Path temp) throws Exception {
        fixture = new SageMakerFixture(SageMakerFixture.fastRetries());
        return fixture.registry;
    }

    @AfterEach
    void stopFakes() {
        fixture.close();
    }
}
