package io.jenkins.plugins.cd4ml.deploy;

/** A model version's approval, with the registry's (and SageMaker Model Registry's) vocabulary. */
public enum ApprovalStatus {
    /** Registered, waiting for a person to approve it. */
    PENDING_MANUAL_APPROVAL,
    /** Approved: may go to environments that require approval. */
    APPROVED,
    /** Rejected: never deployed where approval is required. */
    REJECTED
}
