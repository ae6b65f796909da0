package io.jenkins.plugins.cd4ml.registry;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An approval decision: what, who, when and why.
 *
 * @param status the decision
 * @param by who decided (user id), never blank
 * @param at when
 * @param reason why (may be empty)
 */
public record Approval(ApprovalStatus status, String by, Instant at, String reason) implements Serializable {
    /** Validates and normalises. */
    public Approval {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        by = Names.requireText(by, "approver");
        reason = reason == null ? "" : reason;
    }
}
