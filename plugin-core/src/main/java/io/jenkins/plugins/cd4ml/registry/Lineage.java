package io.jenkins.plugins.cd4ml.registry;

import java.io.Serializable;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a model version came to be and where it went: build → code and data digests → gate
 * verdicts → the version → environments it was deployed to, plus the commands to reproduce the build.
 *
 * @param model the model
 * @param version the version
 * @param build the producing build
 * @param codeRevision the source revision, or empty
 * @param imageDigest the container image digest, or empty
 * @param trainingData training data digests
 * @param evaluationData evaluation data digests
 * @param parameters training parameters
 * @param gates gate verdicts of the producing build
 * @param failedGatesAccepted whether failed gates were accepted on registration
 * @param metrics evaluation metrics
 * @param artifacts the stored artifacts
 * @param approval the current approval
 * @param aliases aliases pointing at the version now
 * @param deployments environments it was deployed to, oldest first
 * @param reproduce shell commands that rebuild it from the same code and data
 */
public record Lineage(String model, int version, BuildRef build, String codeRevision, String imageDigest,
        List<DatasetRef> trainingData, List<DatasetRef> evaluationData, Map<String, String> parameters,
        List<GateResult> gates, boolean failedGatesAccepted, Map<String, Double> metrics, List<ArtifactRef> artifacts,
        Approval approval, List<String> aliases, List<DeploymentRecord> deployments, List<String> reproduce)
        implements Serializable {

    /**
     * @param version a registered version
     * @return its lineage
     */
    public static Lineage of(ModelVersion version) {
        Provenance p = version.provenance();
        return new Lineage(version.name(), version.version(), p.build(), p.codeRevision(), p.imageDigest(),
                p.trainingData(), p.evaluationData(), p.parameters(), version.gates(), version.failedGatesAccepted(),
                version.metrics(), version.artifacts(), version.approval(), version.aliases(), version.deployments(),
                reproduce(p));
    }

    /** @return the JSON schema version of this document */
    @JsonProperty(value = "schemaVersion", access = JsonProperty.Access.READ_ONLY)
    public String schemaVersion() {
        return Json.SCHEMA_VERSION;
    }

    private static List<String> reproduce(Provenance p) {
        List<String> commands = new ArrayList<>();
        if (!p.codeRevision().isEmpty()) {
            commands.add("git checkout " + p.codeRevision());
        }
        for (DatasetRef data : concat(p.trainingData(), p.evaluationData())) {
            if (ContentDigest.isValid(data.digest())) {
                commands.add("echo '" + ContentDigest.hex(data.digest()) + "  " + data.name()
                        + "' | sha256sum -c -");
            }
        }
        if (!p.imageDigest().isEmpty()) {
            commands.add("docker pull <image>@" + p.imageDigest());
        }
        if (!p.build().url().isEmpty()) {
            StringBuilder rebuild = new StringBuilder("# rebuild: " + p.build().url() + "replay/");
            p.parameters().forEach((key, value) -> rebuild.append(' ').append(key).append('=').append(value));
            commands.add(rebuild.toString());
        } else if (!p.parameters().isEmpty()) {
            StringBuilder params = new StringBuilder("# parameters:");
            p.parameters().forEach((key, value) -> params.append(' ').append(key).append('=').append(value));
            commands.add(params.toString());
        }
        return commands;
    }

    private static List<DatasetRef> concat(List<DatasetRef> a, List<DatasetRef> b) {
        List<DatasetRef> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** @return the lineage as indented text, one stage per block */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("build      ").append(build.job().isEmpty() ? "(none)" : build.job() + " #" + build.number());
        if (!build.url().isEmpty()) {
            text.append("  ").append(build.url());
        }
        text.append('\n');
        text.append("  code     ").append(codeRevision.isEmpty() ? "(unknown)" : codeRevision).append('\n');
        if (!imageDigest.isEmpty()) {
            text.append("  image    ").append(imageDigest).append('\n');
        }
        trainingData.forEach(d -> text.append("  train    ").append(d.name()).append("  ").append(d.digest())
                .append('\n'));
        evaluationData.forEach(d -> text.append("  eval     ").append(d.name()).append("  ").append(d.digest())
                .append('\n'));
        parameters.forEach((k, v) -> text.append("  param    ").append(k).append('=').append(v).append('\n'));
        text.append("gates").append(gates.isEmpty() ? "      (none recorded)" : "")
                .append(failedGatesAccepted ? "  (failed gates accepted on registration)" : "").append('\n');
        gates.forEach(g -> text.append("  ").append(String.format("%-8s ", g.verdict())).append(g.gate())
                .append(g.reportLocation().isEmpty() ? "" : "  " + g.reportLocation()).append('\n'));
        metrics.forEach((k, v) -> text.append("  metric   ").append(k).append('=').append(v).append('\n'));
        text.append("model      ").append(model).append(" v").append(version).append("  ")
                .append(approval.status()).append(" by ").append(approval.by()).append(" at ").append(approval.at());
        if (!approval.reason().isEmpty()) {
            text.append(" (").append(approval.reason()).append(')');
        }
        text.append('\n');
        if (!aliases.isEmpty()) {
            text.append("  aliases  ").append(String.join(", ", aliases)).append('\n');
        }
        artifacts.forEach(a -> text.append("  artifact ").append(a.path()).append("  ").append(a.digest())
                .append("  ").append(a.size()).append(" B\n"));
        text.append("deployed").append(deployments.isEmpty() ? "   (not yet)" : "").append('\n');
        deployments.forEach(d -> text.append("  ").append(d.at()).append("  ").append(d.environment())
                .append(d.strategy().isEmpty() ? "" : " (" + d.strategy() + ")").append("  ").append(d.outcome())
                .append(d.by().isEmpty() ? "" : "  by " + d.by()).append('\n'));
        text.append("reproduce").append(reproduce.isEmpty() ? "  (no code revision or data recorded)" : "")
                .append('\n');
        reproduce.forEach(c -> text.append("  ").append(c).append('\n'));
        return text.toString();
    }
}
