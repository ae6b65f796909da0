package io.jenkins.plugins.cd4ml.registry;

/** Whether a model version may be deployed; the same three states as SageMaker Model Registry. */
public enum ApprovalStatus {
    /** Registered, waiting for a person (or a rule) to decide. */
    PENDING_MANUAL_APPROVAL,
    /** May be deployed. */
    APPROVED,
    /** Must not be deployed. */
    REJECTED
}
