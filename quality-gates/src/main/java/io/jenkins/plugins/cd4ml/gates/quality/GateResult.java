package io.jenkins.plugins.cd4ml.gates.quality;

import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.Serializable;

/**
 * The outcome of one gate.
 *
 * @param gate the gate
 * @param status the gate's state
 * @param verdict what the state means for the overall verdict under the file's policies
 * @param candidate the candidate's value (NaN when missing or undefined)
 * @param candidateInterval bootstrap interval of the candidate's value
 * @param baseline the baseline's value (NaN without a baseline)
 * @param delta candidate minus baseline (NaN without a baseline)
 * @param deltaInterval paired bootstrap interval of the delta
 * @param support rows of the slice, or of the smallest group for fairness metrics
 * @param detail why the gate has this state, in a sentence
 */
public record GateResult(GateDefinition gate, CheckStatus status, Verdict verdict, double candidate,
        Interval candidateInterval, double baseline, double delta, Interval deltaInterval, long support,
        String detail) implements Serializable {
}
