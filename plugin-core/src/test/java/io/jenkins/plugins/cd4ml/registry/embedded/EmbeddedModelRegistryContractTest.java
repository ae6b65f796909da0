package io.jenkins.plugins.cd4ml.registry.embedded;

import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelRegistryContractTest;
import java.nio.file.Path;

class EmbeddedModelRegistryContractTest extends ModelRegistryContractTest {
    @Override
    protected ModelRegistry createRegistry(Path temp) throws Exception {
        return EmbeddedModelRegistry.open(temp);
    }
}
