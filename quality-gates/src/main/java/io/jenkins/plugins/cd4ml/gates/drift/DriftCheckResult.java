package io.jenkins.plugins.cd4ml.gates.drift;

import io.jenkins.plugins.cd4ml.report.CheckStatus;
import io.jenkins.plugins.cd4ml.report.Severity;
import java.io.Serializable;

/**
 * The outcome of one drift check on one column.
 *
 * @param column the column
 * @param check the check (metric, threshold, severity)
 * @param value the observed value (NaN when it could not be computed)
 * @param status the outcome
 * @param message a one-line explanation
 */
public record DriftCheckResult(String column, DriftCheck check, double value, CheckStatus status, String message)
        implements Serializable {
    /** @return the checked metric */
    public DriftMetric metric() {
        return check.metric();
    }

    /** @return the check's threshold */
    public double threshold() {
        return check.threshold();
    }

    /** @return the check's severity */
    public Severity severity() {
        return check.severity();
    }
}
