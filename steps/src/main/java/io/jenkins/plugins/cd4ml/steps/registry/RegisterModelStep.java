package io.jenkins.plugins.cd4ml.steps.registry;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.cd4ml.gates.quality.GateVerdicts;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.registry.Lineage;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Names;
import io.jenkins.plugins.cd4ml.steps.support.AgentStepExecution;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import io.jenkins.plugins.cd4ml.steps.support.MlReportsAction;
import io.jenkins.plugins.cd4ml.steps.support.WorkspacePaths;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code registerModel}: publishes the model files of this build as a new, immutable version in
 * the model registry, with full lineage, and returns its number.
 *
 * <pre>{@code
 * def version = registerModel name: 'credit-risk', artifacts: 'out/model/**',
 *                             evaluationPredictions: 'out/preds.csv', trainingData: 'data/train.csv',
 *                             evaluationData: 'data/eval.csv', tags: [team: 'risk'], parameters: [lr: '0.1']
 * }</pre>
 *
 * <p>Digests are computed on the agent; the files are copied to the controller, checked against
 * those digests and stored in the registry ({@link RegistryLocator}: the embedded store under
 * {@code JENKINS_HOME/cd4ml/registry} unless configured otherwise). The version records the job,
 * build number and URL, {@code GIT_COMMIT}, data digests, tags, parameters and this build's
 * quality-gate verdicts. The step refuses to register when a {@code qualityGate} of this build
 * FAILED or could not be evaluated, unless {@code allowFailedGates: true} (recorded on the version).
 * The registration token {@code job#build#name} makes a retried or resumed step return the version
 * registered first instead of a duplicate.
 */
public class RegisterModelStep extends Step {
    private final String name;
    private final String artifacts;
    private String evaluationPredictions;
    private String trainingData;
    private String evaluationData;
    private String description;
    private boolean allowFailedGates;
    private Map<String, String> tags = Map.of();
    private Map<String, String> parameters = Map.of();

    /**
     * @param name the registered model's name
     * @param artifacts a glob of the model files in the workspace, e.g. {@code out/model/**}
     */
    @DataBoundConstructor
    public RegisterModelStep(String name, String artifacts) {
        this.name = name;
        this.artifacts = artifacts;
    }

    /** @return the registered model's name */
    public String getName() {
        return name;
    }

    /** @return the glob of the model files */
    public String getArtifacts() {
        return artifacts;
    }

    /** @return the evaluation predictions file, or {@code null} */
    public @CheckForNull String getEvaluationPredictions() {
        return evaluationPredictions;
    }

    /** @param evaluationPredictions the model's predictions on the evaluation data (the next candidate's baseline) */
    @DataBoundSetter
    public void setEvaluationPredictions(String evaluationPredictions) {
        this.evaluationPredictions = blankToNull(evaluationPredictions);
    }

    /** @return the training data file, or {@code null} */
    public @CheckForNull String getTrainingData() {
        return trainingData;
    }

    /** @param trainingData the training data file (digested) */
    @DataBoundSetter
    public void setTrainingData(String trainingData) {
        this.trainingData = blankToNull(trainingData);
    }

    /** @return the evaluation data file, or {@code null} */
    public @CheckForNull String getEvaluationData() {
        return evaluationData;
    }

    /** @param evaluationData the evaluation data file (digested) */
    @DataBoundSetter
    public void setEvaluationData(String evaluationData) {
        this.evaluationData = blankToNull(evaluationData);
    }

    /** @return free text for the version, or {@code null} */
    public @CheckForNull String getDescription() {
        return description;
    }

    /** @param description free text for the version */
    @DataBoundSetter
    public void setDescription(String description) {
        this.description = blankToNull(description);
    }

    /** @return whether a version may be registered although a gate of this build failed */
    public boolean isAllowFailedGates() {
        return allowFailedGates;
    }

    /** @param allowFailedGates register although a gate of this build failed (recorded on the version) */
    @DataBoundSetter
    public void setAllowFailedGates(boolean allowFailedGates) {
        this.allowFailedGates = allowFailedGates;
    }

    /** @return tags of the version */
    public Map<String, String> getTags() {
        return tags;
    }

    /** @param tags tags of the version */
    @DataBoundSetter
    public void setTags(Map<String, String> tags) {
        this.tags = tags == null ? Map.of() : new TreeMap<>(tags);
    }

    /** @return training parameters recorded on the version */
    public Map<String, String> getParameters() {
        return parameters;
    }

    /** @param parameters training parameters recorded on the version */
    @DataBoundSetter
    public void setParameters(Map<String, String> parameters) {
        this.parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, request(), new JenkinsFacade());
    }

    /**
     * @return the checked arguments
     * @throws hudson.AbortException on an invalid name or a path outside the workspace
     */
    Request request() throws hudson.AbortException {
        try {
            Names.requireModelName(name);
        } catch (IllegalArgumentException e) {
            throw new hudson.AbortException("registerModel: name: " + e.getMessage());
        }
        WorkspacePaths.normalize("artifacts", artifacts);
        return new Request(name, artifacts, checked("evaluationPredictions", evaluationPredictions),
                checked("trainingData", trainingData), checked("evaluationData", evaluationData), description,
                allowFailedGates, strings(tags), strings(parameters));
    }

    private static String checked(String argument, String path) throws hudson.AbortException {
        return path == null ? null : WorkspacePaths.normalize(argument, path);
    }

    /** Groovy maps may hold numbers or GStrings: record their text. */
    private static Map<String, String> strings(Map<String, ?> map) {
        Map<String, String> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), String.valueOf(value)));
        return copy;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * The checked arguments, kept by the execution.
     *
     * @param name the model
     * @param artifacts the glob
     * @param evaluationPredictions the evaluation predictions, or {@code null}
     * @param trainingData the training data, or {@code null}
     * @param evaluationData the evaluation data, or {@code null}
     * @param description free text, or {@code null}
     * @param allowFailedGates whether failed gates are accepted
     * @param tags tags
     * @param parameters parameters
     */
    record Request(String name, String artifacts, @CheckForNull String evaluationPredictions,
            @CheckForNull String trainingData, @CheckForNull String evaluationData, @CheckForNull String description,
            boolean allowFailedGates, Map<String, String> tags, Map<String, String> parameters) implements Serializable {
        private static final long serialVersionUID = 1L;

        Request {
            tags = Map.copyOf(tags);
            parameters = Map.copyOf(parameters);
        }
    }

    /**
     * @param version the registered version
     * @return the {@code registry:<name>} report section: version and lineage
     */
    static String section(ModelVersion version) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schemaVersion", Json.SCHEMA_VERSION);
        json.put("kind", "model-registration");
        json.put("model", version.name());
        json.put("version", version.version());
        json.put("failedGatesAccepted", version.failedGatesAccepted());
        json.put("lineage", Lineage.of(version));
        return Json.mapper().writeValueAsString(json);
    }

    /** Checks the gates, digests on the agent, copies to the controller, registers, records. */
    static final class Execution extends AgentStepExecution<Integer> {
        private static final long serialVersionUID = 1L;

        private final Request request;
        private final JenkinsFacade jenkins;

        Execution(StepContext context, Request request, JenkinsFacade jenkins) {
            super(context);
            this.request = request;
            this.jenkins = jenkins;
        }

        @Override
        protected Integer run() throws Exception {
            Run<?, ?> build = build();
            MlReportsAction reports = build.getAction(MlReportsAction.class);
            Map<String, GateVerdicts> verdicts = ModelRegistrar.gateVerdicts(
                    reports == null ? Map.of() : reports.getSections());
            ModelRegistrar.refuseFailedGates(request.name(), verdicts, request.allowFailedGates());
            ModelFiles files = onAgent(new CollectModelFilesCallable(request.artifacts(),
                    request.evaluationPredictions(), request.trainingData(), request.evaluationData()));
            File staging = new File(new File(new File(jenkins.getRootDir(), "cd4ml"), "staging"),
                    UUID.randomUUID().toString());
            ModelVersion version;
            try {
                FilePath workspace = workspace();
                for (ModelFile file : files.artifacts()) {
                    File copy = new File(staging, file.workspacePath());
                    Files.createDirectories(copy.getParentFile().toPath());
                    workspace.child(file.workspacePath()).copyTo(new FilePath(copy));
                }
                try (ModelRegistry registry = RegistryLocator.find(jenkins).open(jenkins)) {
                    version = ModelRegistrar.register(registry, request, files, staging.toPath(), buildInfo(build),
                            verdicts);
                }
            } finally {
                deleteTree(staging.toPath());
            }
            report("registry:" + request.name(), section(version));
            build.addAction(new ModelVersionAction(version.name(), version.version()));
            listener().getLogger().println("registerModel: registered " + version.name() + " version "
                    + version.version() + " (" + version.artifacts().size() + " artifacts"
                    + (version.failedGatesAccepted() ? ", failed gates accepted" : "") + ")");
            return version.version();
        }

        private BuildInfo buildInfo(Run<?, ?> build) throws IOException, InterruptedException {
            EnvVars env = getContext().get(EnvVars.class);
            String rootUrl = jenkins.getRootUrl();
            String url = (rootUrl == null ? "" : rootUrl) + build.getUrl();
            return new BuildInfo(build.getParent().getFullName(), build.getNumber(), url,
                    env == null ? null : env.get("GIT_COMMIT"), jenkins.getCurrentUserId());
        }

        private static void deleteTree(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Registers the step as {@code registerModel}. */
    @Extension
    @Symbol("registerModel")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "registerModel";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Register the model of this build in the model registry, with lineage";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return AgentStepExecution.AGENT_CONTEXT;
        }
    }
}
