package io.jenkins.plugins.cd4ml.registry.embedded;

import io.jenkins.plugins.cd4ml.registry.AuditEvent;
import io.jenkins.plugins.cd4ml.registry.DeploymentRecord;

/**
 * One line of a model's {@code audit.jsonl}: the audit event and, for deployments, the full record.
 *
 * @param event the audit event
 * @param deployment the deployment, or null
 */
record LogEntry(AuditEvent event, DeploymentRecord deployment) {
}
