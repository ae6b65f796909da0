package io.jenkins.plugins.cd4ml.steps.gates;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;

/**
 * What {@link QualityGateCallable} evaluates, with paths as the user wrote them (confined to the
 * workspace on the agent) except {@code fetchedBaseline}, which the step itself put in the
 * workspace's temporary directory.
 *
 * @param predictions the candidate's predictions (workspace-relative)
 * @param gates the gates file (workspace-relative)
 * @param evaluationData the evaluation data set whose digest identifies the rows, or {@code null}
 * @param baselinePredictions a baseline predictions file in the workspace, or {@code null}
 * @param fetchedBaseline the agent path of the registry baseline's predictions, or {@code null}
 * @param baselineVersion the baseline's version ({@code credit-risk:3}), or {@code null}
 * @param baselineDataDigest the data digest recorded for the baseline, or {@code null}
 * @param seed bootstrap seed overriding the gates file, or {@code null}
 * @param resamples bootstrap resamples overriding the gates file, or {@code null}
 * @param junit where to write JUnit XML (workspace-relative), or {@code null}
 */
record GateRequest(String predictions, String gates, @CheckForNull String evaluationData,
        @CheckForNull String baselinePredictions, @CheckForNull String fetchedBaseline,
        @CheckForNull String baselineVersion, @CheckForNull String baselineDataDigest, @CheckForNull Long seed,
        @CheckForNull Integer resamples, @CheckForNull String junit) implements Serializable {
    private static final long serialVersionUID = 1L;
}
