package io.jenkins.plugins.cd4ml.registry;

/**
 * One stored audit log entry (a line of the embedded store's {@code audit.jsonl}, an S3 object, …):
 * the audit event and, for deployments, the full deployment record.
 *
 * @param event the audit event
 * @param deployment the deployment, or null
 */
public record AuditEntry(AuditEvent event, DeploymentRecord deployment) {
}
