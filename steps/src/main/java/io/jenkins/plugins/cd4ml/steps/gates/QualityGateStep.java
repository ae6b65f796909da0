package io.jenkins.plugins.cd4ml.steps.gates;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.cd4ml.gates.quality.Baseline;
import io.jenkins.plugins.cd4ml.gates.quality.RegistryBaselineSource;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.steps.checks.CheckPublisher;
import io.jenkins.plugins.cd4ml.steps.checks.CheckRun;
import io.jenkins.plugins.cd4ml.steps.registry.RegistryLocator;
import io.jenkins.plugins.cd4ml.steps.support.AgentStepExecution;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import io.jenkins.plugins.cd4ml.steps.support.WorkspacePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * {@code qualityGate}: may this candidate replace the model that is serving? Evaluates a gates
 * file (accuracy, fairness, regression against a baseline, with paired bootstrap intervals) on the
 * candidate's predictions, on the agent.
 *
 * <pre>{@code
 * def gates = qualityGate predictions: 'out/preds.csv', gates: 'ml/gates.yaml',
 *                         model: 'credit-risk', baseline: 'production', junit: 'reports/gates-junit.xml'
 * echo "gates ${gates.verdict} against ${gates.baselineVersion}"
 * }</pre>
 *
 * <p>The baseline is the version the registry alias {@code baseline} (default {@code production})
 * of {@code model} points at, re-scored on the same evaluation data: its stored evaluation
 * predictions are fetched on the controller and copied next to the workspace. Without that alias
 * (a first model) gates comparing with a baseline report NO_BASELINE. {@code baselinePredictions}
 * names a workspace file instead. The verdict maps to the build as for every cd4ml check: UNSTABLE
 * marks the build and the stage, FAILED fails the step, ERROR ("could not evaluate") fails it too.
 */
public class QualityGateStep extends Step {
    private final String predictions;
    private final String gates;
    private String model;
    private String baseline;
    private String baselinePredictions;
    private String evaluationData;
    private Long seed;
    private Integer resamples;
    private String junit;

    /**
     * @param predictions the candidate's predictions on the evaluation data (CSV or JSON Lines, in the workspace)
     * @param gates the gates file (YAML or JSON, in the workspace)
     */
    @DataBoundConstructor
    public QualityGateStep(String predictions, String gates) {
        this.predictions = predictions;
        this.gates = gates;
    }

    /** @return the candidate's predictions file */
    public String getPredictions() {
        return predictions;
    }

    /** @return the gates file */
    public String getGates() {
        return gates;
    }

    /** @return the registered model whose serving version is the baseline, or {@code null} */
    public @CheckForNull String getModel() {
        return model;
    }

    /** @param model the registered model whose serving version is the baseline */
    @DataBoundSetter
    public void setModel(String model) {
        this.model = blankToNull(model);
    }

    /** @return the registry alias naming the baseline (default {@code production}) */
    public @CheckForNull String getBaseline() {
        return baseline;
    }

    /** @param baseline the registry alias naming the baseline */
    @DataBoundSetter
    public void setBaseline(String baseline) {
        this.baseline = blankToNull(baseline);
    }

    /** @return a workspace file with the baseline's predictions, or {@code null} */
    public @CheckForNull String getBaselinePredictions() {
        return baselinePredictions;
    }

    /** @param baselinePredictions a workspace file with the baseline's predictions (instead of the registry) */
    @DataBoundSetter
    public void setBaselinePredictions(String baselinePredictions) {
        this.baselinePredictions = blankToNull(baselinePredictions);
    }

    /** @return the evaluation data set, digested to prove both models were scored on it, or {@code null} */
    public @CheckForNull String getEvaluationData() {
        return evaluationData;
    }

    /** @param evaluationData the evaluation data set (workspace file) */
    @DataBoundSetter
    public void setEvaluationData(String evaluationData) {
        this.evaluationData = blankToNull(evaluationData);
    }

    /** @return the bootstrap seed overriding the gates file's, or {@code null} */
    public @CheckForNull Long getSeed() {
        return seed;
    }

    /** @param seed the bootstrap seed */
    @DataBoundSetter
    public void setSeed(Long seed) {
        this.seed = seed;
    }

    /** @return the bootstrap resamples overriding the gates file's, or {@code null} */
    public @CheckForNull Integer getResamples() {
        return resamples;
    }

    /** @param resamples bootstrap resamples, 0 to decide on point estimates */
    @DataBoundSetter
    public void setResamples(Integer resamples) {
        this.resamples = resamples;
    }

    /** @return where to write JUnit XML, or {@code null} */
    public @CheckForNull String getJunit() {
        return junit;
    }

    /** @param junit where to write JUnit XML (workspace file), for the {@code junit} step */
    @DataBoundSetter
    public void setJunit(String junit) {
        this.junit = blankToNull(junit);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, request(), model, baseline, section(), new JenkinsFacade());
    }

    /**
     * Checks the arguments' text before anything runs.
     *
     * @return the request, with the registry baseline still to fetch
     * @throws AbortException on a path outside the workspace or contradicting arguments
     */
    GateRequest request() throws AbortException {
        if (model != null && baselinePredictions != null) {
            throw new AbortException("qualityGate: give either model (baseline from the registry) or "
                    + "baselinePredictions (a workspace file), not both");
        }
        if (baseline != null && model == null) {
            throw new AbortException("qualityGate: baseline: '" + baseline + "' needs model: the registered model");
        }
        if (resamples != null && resamples < 0) {
            throw new AbortException("qualityGate: resamples must be >= 0");
        }
        return new GateRequest(WorkspacePaths.normalize("predictions", predictions),
                WorkspacePaths.normalize("gates", gates),
                evaluationData == null ? null : WorkspacePaths.normalize("evaluationData", evaluationData),
                baselinePredictions == null ? null : WorkspacePaths.normalize("baselinePredictions", baselinePredictions),
                null, null, null, seed, resamples, junit == null ? null : WorkspacePaths.normalize("junit", junit));
    }

    /**
     * @return the build's report section: {@code qualityGate:<model>} or {@code qualityGate:<gates file>}
     */
    String section() {
        String id = model != null ? model : gates;
        return "qualityGate:" + id.replaceAll("[^A-Za-z0-9._-]", "_").substring(0, Math.min(id.length(), 100));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Resolves the baseline on the controller, evaluates on the agent, records and maps the verdict. */
    static final class Execution extends AgentStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final GateRequest checked;
        private final @CheckForNull String model;
        private final @CheckForNull String alias;
        private final String section;
        private final JenkinsFacade jenkins;

        Execution(StepContext context, GateRequest checked, @CheckForNull String model, @CheckForNull String alias,
                String section, JenkinsFacade jenkins) {
            super(context);
            this.checked = checked;
            this.model = model;
            this.alias = alias;
            this.section = section;
            this.jenkins = jenkins;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            GateRequest request = checked;
            FilePath copied = null;
            GateOutcome outcome;
            try {
                if (model != null) {
                    Path fetched = Files.createTempDirectory("cd4ml-baseline");
                    try (ModelRegistry registry = RegistryLocator.find(jenkins).open(jenkins)) {
                        Optional<Baseline> serving = new RegistryBaselineSource(registry, model, alias, fetched)
                                .resolve();
                        if (serving.isPresent()) {
                            copied = copyToAgent(serving.get());
                            Baseline b = serving.get();
                            request = new GateRequest(request.predictions(), request.gates(),
                                    request.evaluationData(), null, copied.getRemote(), b.version(), b.dataDigest(),
                                    request.seed(), request.resamples(), request.junit());
                        } else {
                            listener().getLogger().println("qualityGate: " + model + " has no version aliased '"
                                    + (alias == null ? RegistryBaselineSource.DEFAULT_ALIAS : alias)
                                    + "' yet: no baseline");
                        }
                    } catch (InvalidInputException e) {
                        return finish(GateOutcome.error(e.getMessage()));
                    } finally {
                        deleteTree(fetched);
                    }
                }
                outcome = onAgent(new QualityGateCallable(request));
            } finally {
                if (copied != null) {
                    copied.delete();
                }
            }
            return finish(outcome);
        }

        private Map<String, Object> finish(GateOutcome outcome) throws IOException, InterruptedException {
            report(section, outcome.json());
            listener().getLogger().print(outcome.text());
            CheckPublisher.publishToAll(jenkins, build(), listener(),
                    CheckRun.of(CheckRun.name("quality gate", model != null ? model : checked.gates()), outcome.document()));
            applyVerdict(outcome.verdict(), "qualityGate: " + outcome.summary());
            return outcome.toMap();
        }

        /** Copies the fetched baseline predictions into the workspace's temporary directory on the agent. */
        private FilePath copyToAgent(Baseline baseline) throws IOException, InterruptedException {
            FilePath tmp = WorkspaceList.tempDir(workspace());
            if (tmp == null) {
                throw new AbortException("qualityGate: the workspace has no parent directory for temporary files");
            }
            tmp.mkdirs();
            String name = baseline.predictions().getFileName().toString();
            FilePath target = tmp.child("cd4ml-" + UUID.randomUUID() + "-" + name);
            target.copyFrom(new FilePath(baseline.predictions().toFile()));
            return target;
        }

        private static void deleteTree(Path dir) throws IOException {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Registers the step as {@code qualityGate}. */
    @Extension
    @Symbol("qualityGate")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "qualityGate";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Gate a candidate model on accuracy and fairness against the serving model";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return AgentStepExecution.AGENT_CONTEXT;
        }
    }
}
