package io.jenkins.plugins.cd4ml.registry;

import java.io.Serializable;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.util.Objects;

/**
 * The verdict of one quality gate in the build that produced a version.
 *
 * @param gate the gate's name
 * @param verdict its verdict
 * @param reportDigest {@code sha256:<hex>} of the gate report, or empty
 * @param reportLocation where the report is (build artifact path or URL), or empty
 */
public record GateResult(String gate, Verdict verdict, String reportDigest, String reportLocation)
        implements Serializable {
    /** Validates and normalises. */
    public GateResult {
        gate = Names.requireText(gate, "gate name");
        Objects.requireNonNull(verdict, "verdict");
        reportDigest = reportDigest == null ? "" : reportDigest;
        reportLocation = reportLocation == null ? "" : reportLocation;
    }
}
