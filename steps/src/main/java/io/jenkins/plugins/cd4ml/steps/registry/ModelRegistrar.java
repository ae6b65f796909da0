package io.jenkins.plugins.cd4ml.steps.registry;

import hudson.AbortException;
import io.jenkins.plugins.cd4ml.gates.quality.GateVerdicts;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Provenance;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The controller's half of {@code registerModel}, free of step plumbing so it can be tested on a
 * temporary embedded registry: reads this build's quality-gate verdicts, refuses when one failed
 * (unless failed gates are allowed, which is recorded), checks the copied files against the
 * agent's digests and registers with the build's provenance and an idempotency token.
 */
final class ModelRegistrar {
    /** Report sections of the build written by {@code qualityGate}. */
    static final String GATE_SECTION_PREFIX = "qualityGate";

    private ModelRegistrar() {
    }

    /**
     * @param sections the build's ML report sections ({@code MlReportsAction.getSections()})
     * @return the verdicts of every {@code qualityGate} section, by section name
     * @throws AbortException if a section is not a readable gate report
     */
    static Map<String, GateVerdicts> gateVerdicts(Map<String, String> sections) throws AbortException {
        Map<String, GateVerdicts> verdicts = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> section : sections.entrySet()) {
            String name = section.getKey();
            if (name.equals(GATE_SECTION_PREFIX) || name.startsWith(GATE_SECTION_PREFIX + ":")) {
                try {
                    verdicts.put(name, GateVerdicts.parse(section.getValue(), "build report section " + name));
                } catch (InvalidInputException e) {
                    throw new AbortException("registerModel: " + e.getMessage());
                }
            }
        }
        return verdicts;
    }

    /**
     * @param model the model to register
     * @param verdicts this build's gate verdicts
     * @param allowFailedGates whether failed gates may be registered (recorded on the version)
     * @throws AbortException naming the failed sections when registration is refused
     */
    static void refuseFailedGates(String model, Map<String, GateVerdicts> verdicts, boolean allowFailedGates)
            throws AbortException {
        List<String> failed = verdicts.entrySet().stream().filter(e -> e.getValue().failed())
                .map(e -> e.getKey() + " " + e.getValue().verdict()).toList();
        if (!failed.isEmpty() && !allowFailedGates) {
            throw new AbortException("registerModel: refusing to register " + model + ": quality gates of this build "
                    + "did not pass (" + String.join(", ", failed) + "); set allowFailedGates: true to register "
                    + "anyway (recorded on the version)");
        }
    }

    /**
     * Registers the staged copies.
     *
     * @param registry the registry
     * @param request what the step was asked
     * @param files what the agent found and digested
     * @param staged the directory holding the copies, by workspace path
     * @param build the build
     * @param verdicts this build's gate verdicts (recorded on the version)
     * @return the version (the first one registered with this build's token, if registered before)
     * @throws AbortException if a copy differs from what the agent digested
     * @throws InvalidInputException if a staged file cannot be read
     * @throws IOException if the registry fails
     */
    static ModelVersion register(ModelRegistry registry, RegisterModelStep.Request request, ModelFiles files,
            Path staged, BuildInfo build, Map<String, GateVerdicts> verdicts) throws InvalidInputException, IOException {
        Registration.Builder registration = Registration.builder(request.name())
                .registeredBy(build.user())
                .description(request.description())
                .clientToken(build.clientToken(request.name()))
                .failedGatesAccepted(request.allowFailedGates() && verdicts.values().stream().anyMatch(GateVerdicts::failed));
        List<String> mismatched = new ArrayList<>();
        for (ModelFile file : files.artifacts()) {
            Path copy = staged.resolve(file.workspacePath());
            if (!ContentDigest.sha256(copy).equals(file.digest())) {
                mismatched.add(file.workspacePath());
            }
            registration.artifact(file.modelPath(), copy);
        }
        if (!mismatched.isEmpty()) {
            throw new AbortException("registerModel: " + mismatched + " changed while being copied to the controller");
        }
        for (Map.Entry<String, GateVerdicts> section : verdicts.entrySet()) {
            String prefix = section.getKey().equals(GATE_SECTION_PREFIX) ? ""
                    : section.getKey().substring(GATE_SECTION_PREFIX.length() + 1) + "/";
            section.getValue().gates().forEach(gate -> registration.gate(new io.jenkins.plugins.cd4ml.registry.GateResult(
                    prefix + gate.gate(), gate.verdict(), gate.reportDigest(), gate.reportLocation())));
            section.getValue().metrics().forEach(registration::metric);
        }
        request.tags().forEach(registration::tag);
        Provenance.Builder provenance = Provenance.builder().build(build.ref()).codeRevision(build.codeRevision());
        request.parameters().forEach(provenance::parameter);
        files.trainingData().forEach(provenance::trainingData);
        files.evaluationData().forEach(provenance::evaluationData);
        return registry.register(registration.provenance(provenance.build()).build());
    }
}
