package io.jenkins.plugins.cd4ml.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageTest {
    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void tracesBuildDataGatesVersionAndDeployments() throws Exception {
        String train = ContentDigest.sha256("train".getBytes(StandardCharsets.UTF_8));
        Provenance provenance = Provenance.builder().build(new BuildRef("ml/credit", 42, "https://ci/job/ml/42/"))
                .codeRevision("abc123").trainingData(new DatasetRef("data/train.csv", train, 5))
                .parameter("seed", "7").build();
        ModelVersion version = new ModelVersion("credit", 3, AT, "ci", "", List.of(new ArtifactRef("model.onnx",
                ContentDigest.sha256(new byte[] {1}), 1, "blobs/x")), java.util.Map.of("auc", 0.9),
                List.of(new GateResult("fairness", Verdict.FAILED, "", "")), true, provenance, java.util.Map.of(), "t",
                new Approval(ApprovalStatus.APPROVED, "carol", AT, "ok"), List.of("production"),
                List.of(new DeploymentRecord("prod-eu", "canary", "DEPLOYED", "deployer", AT, "")));

        assertThat(roundTrip(version)).isEqualTo(version);
        Lineage lineage = Lineage.of(version);
        assertThat(roundTrip(lineage)).isEqualTo(lineage);
        assertThat(lineage.reproduce()).containsExactly("git checkout abc123",
                "echo '" + ContentDigest.hex(train) + "  data/train.csv' | sha256sum -c -",
                "# rebuild: https://ci/job/ml/42/replay/ seed=7");
        assertThat(lineage.toText()).contains("ml/credit #42").contains("FAILED").contains("failed gates accepted")
                .contains("credit v3  APPROVED by carol").contains("prod-eu (canary)  DEPLOYED")
                .contains("aliases  production");
    }

    /** Values cross the Jenkins remoting channel (agent to controller) by Java serialization. */
    private static Object roundTrip(Object value) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
