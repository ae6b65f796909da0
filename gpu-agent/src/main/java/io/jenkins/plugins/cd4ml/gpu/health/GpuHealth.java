package io.jenkins.plugins.cd4ml.gpu.health;

import io.jenkins.plugins.cd4ml.report.Severity;
import java.io.Serializable;
import java.util.List;

/**
 * The pre-flight result for one GPU.
 *
 * @param index the GPU index
 * @param uuid the GPU UUID
 * @param findings every failed check (empty when healthy)
 */
public record GpuHealth(int index, String uuid, List<HealthFinding> findings) implements Serializable {
    public GpuHealth {
        findings = List.copyOf(findings);
    }

    /** @return UNHEALTHY when any failure-level finding exists, WARNING for warnings only */
    public HealthStatus status() {
        if (findings.stream().anyMatch(f -> f.severity() == Severity.FAILURE)) {
            return HealthStatus.UNHEALTHY;
        }
        return findings.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.WARNING;
    }

    /** @return the findings joined for a log line, or {@code healthy} */
    public String summary() {
        if (findings.isEmpty()) {
            return "healthy";
        }
        StringBuilder text = new StringBuilder();
        for (HealthFinding finding : findings) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(finding.message());
        }
        return text.toString();
    }
}
