package io.jenkins.plugins.cd4ml.deploy.local;

import io.jenkins.plugins.cd4ml.deploy.DeploymentTarget;
import io.jenkins.plugins.cd4ml.deploy.DeploymentTargetContractTest;
import io.jenkins.plugins.cd4ml.deploy.Environment;
import io.jenkins.plugins.cd4ml.deploy.EnvironmentCredentials;
import io.jenkins.plugins.cd4ml.deploy.TargetSpec;
import io.jenkins.plugins.cd4ml.deploy.TargetType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The local target passes the contract. */
class LocalTargetTest extends DeploymentTargetContractTest {
    @TempDir
    Path directory;

    private LocalServing serving;

    @BeforeEach
    void startServing() {
        serving = new LocalServing();
    }

    @AfterEach
    void stopServing() {
        serving.close();
    }

    @Override
    protected Environment environment(String name, boolean requiresApproval) {
        return new Environment(name, new TargetSpec(TargetType.LOCAL, Map.of("probeRequests", "10")),
                requiresApproval, name, EnvironmentCredentials.DEFAULT);
    }

    @Override
    protected DeploymentTarget open(Environment environment) {
        return new LocalTarget(environment, serving, directory.resolve("state"));
    }

    @Override
    protected String artifact(String version, Quality quality) throws Exception {
        Path artifact = Files.createDirectories(directory.resolve("artifacts").resolve(version));
        String model = switch (quality) {
            case GOOD -> LocalModels.linear("income", "debt_ratio");
            // needs a feature callers do not send: every prediction fails with HTTP 400
            case TRIPS_ALARM -> LocalModels.linear("income", "debt_ratio", "age");
            case BROKEN -> "{\"format\": \"not-a-model\"}";
        };
        Files.writeString(artifact.resolve(LinearModel.FILE_NAME), model);
        return artifact.toString();
    }

    @Override
    protected void breakRollbackTo(Environment environment, String version) throws Exception {
        LocalTarget target = new LocalTarget(environment, serving, directory.resolve("state"));
        serving.crash(target.stateFile(MODEL), version);
        Files.delete(directory.resolve("artifacts").resolve(version).resolve(LinearModel.FILE_NAME));
    }
}
