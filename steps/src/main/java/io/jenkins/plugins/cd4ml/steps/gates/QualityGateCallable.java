package io.jenkins.plugins.cd4ml.steps.gates;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.cd4ml.gates.quality.Baseline;
import io.jenkins.plugins.cd4ml.gates.quality.BaselineSource;
import io.jenkins.plugins.cd4ml.gates.quality.GateEvaluator;
import io.jenkins.plugins.cd4ml.gates.quality.GateReport;
import io.jenkins.plugins.cd4ml.gates.quality.GatesFile;
import io.jenkins.plugins.cd4ml.gates.quality.GatesFileParser;
import io.jenkins.plugins.cd4ml.lineage.ContentDigest;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.JunitXmlRenderer;
import io.jenkins.plugins.cd4ml.steps.support.WorkspacePaths;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;

/**
 * {@code qualityGate} on the agent: confines the paths, parses the gates file, evaluates the
 * candidate against the baseline and writes the optional JUnit XML. Bad input comes back as an
 * ERROR outcome (with file, line and column), never as an exception that could read as a pass.
 */
final class QualityGateCallable extends MasterToSlaveFileCallable<GateOutcome> {
    private static final long serialVersionUID = 1L;

    private final GateRequest request;

    QualityGateCallable(GateRequest request) {
        this.request = request;
    }

    @Override
    public GateOutcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path predictions = WorkspacePaths.confine(workspace, "predictions", request.predictions());
        Path gatesPath = WorkspacePaths.confine(workspace, "gates", request.gates());
        Path junit = request.junit() == null ? null : WorkspacePaths.confine(workspace, "junit", request.junit());
        Path evaluationData = request.evaluationData() == null ? null
                : WorkspacePaths.confine(workspace, "evaluationData", request.evaluationData());
        Path baselineFile = request.baselinePredictions() == null ? null
                : WorkspacePaths.confine(workspace, "baselinePredictions", request.baselinePredictions());
        GateOutcome outcome;
        try {
            GatesFile gates = GatesFileParser.parse(gatesPath);
            if (request.seed() != null) {
                gates = gates.withBootstrap(gates.bootstrap().withSeed(request.seed()));
            }
            if (request.resamples() != null) {
                gates = gates.withBootstrap(gates.bootstrap().withResamples(request.resamples()));
            }
            String dataDigest = evaluationData == null ? null : ContentDigest.sha256Input(evaluationData);
            GateReport report = GateEvaluator.evaluate(gates, predictions, baseline(gates, baselineFile), dataDigest);
            outcome = GateOutcome.of(report);
        } catch (InvalidInputException e) {
            outcome = GateOutcome.error(e.getMessage());
        }
        if (junit != null && outcome.report() != null) {
            writeAtomically(junit, JunitXmlRenderer.render(outcome.report().toDocument(), "cd4ml.qualityGate"));
        }
        return outcome;
    }

    private BaselineSource baseline(GatesFile gates, Path baselineFile) {
        if (baselineFile != null) {
            return BaselineSource.file(baselineFile, "workspace:" + request.baselinePredictions());
        }
        if (request.fetchedBaseline() != null) {
            Baseline fetched = new Baseline(request.baselineVersion(), Path.of(request.fetchedBaseline()),
                    request.baselineDataDigest());
            return () -> Optional.of(fetched);
        }
        if (gates.columns().hasBaselineColumns()) {
            return BaselineSource.sameFile("evaluation-file columns");
        }
        return BaselineSource.none();
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = Files.createTempFile(target.toAbsolutePath().getParent(), ".cd4ml-", ".part");
        try {
            Files.writeString(partial, content, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
