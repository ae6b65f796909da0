package io.jenkins.plugins.cd4ml.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.IOException;
import java.nio.file.Path;

/** The CLI's state-file stand-in for the registry passes the deployment contract. */
class FileDeployableVersionsTest extends DeployableVersionsContractTest {
    private int next;

    @Override
    DeployableVersions create() {
        return new FileDeployableVersions(directory.resolve("state").resolve("registry.json"));
    }

    @Override
    String register(Path artifact, ApprovalStatus approval) throws Exception {
        String version = Integer.toString(++next);
        ((FileDeployableVersions) versions).register(MODEL, version, artifact.toString(), approval);
        return version;
    }

    @Override
    void assertRecorded(String version, DeploymentRecord record) throws Exception {
        JsonNode deployments = Json.mapper().readTree(directory.resolve("state").resolve("registry.json").toFile())
                .path("deployments");
        assertThat(deployments).hasSize(1);
        assertThat(Json.mapper().treeToValue(deployments.get(0), DeploymentRecord.class)).isEqualTo(record);
    }
}
