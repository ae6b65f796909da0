package io.jenkins.plugins.cd4ml.registry;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a model's append-only audit log.
 *
 * @param model the model
 * @param action what happened
 * @param subject the alias name for alias moves, the version for registrations and approvals
 * @param from the previous value (old version of an alias, old approval status), or empty
 * @param to the new value
 * @param by who
 * @param at when
 * @param reason why, or empty
 */
public record AuditEvent(String model, Action action, String subject, String from, String to, String by,
        Instant at, String reason) implements Serializable {
    /** Validates and normalises. */
    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        subject = subject == null ? "" : subject;
        from = from == null ? "" : from;
        to = to == null ? "" : to;
        by = by == null ? "" : by;
        reason = reason == null ? "" : reason;
    }

    /** The kinds of audited change. */
    public enum Action {
        /** A version was registered. */
        REGISTER,
        /** A version's approval status changed. */
        APPROVAL,
        /** An alias was set or moved. */
        ALIAS,
        /** A deployment was recorded. */
        DEPLOYMENT
    }
}
