package io.jenkins.plugins.cd4ml.gates.quality;

import io.jenkins.plugins.cd4ml.report.Severity;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.util.Locale;

/** What an INCONCLUSIVE or NO_BASELINE gate means for the verdict. */
public enum PolicyAction {
    /** Counts as passed. */
    PASS,
    /** Makes the build unstable. */
    WARN,
    /** Counts as the gate failing at its severity. */
    FAIL;

    /**
     * @param severity the gate's severity
     * @return the verdict this action leads to
     */
    public Verdict verdict(Severity severity) {
        return switch (this) {
            case PASS -> Verdict.PASSED;
            case WARN -> Verdict.UNSTABLE;
            case FAIL -> severity.verdictWhenFailed();
        };
    }

    /** @return the name used in gates files */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
