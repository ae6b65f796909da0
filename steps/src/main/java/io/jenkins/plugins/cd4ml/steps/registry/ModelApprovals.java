package io.jenkins.plugins.cd4ml.steps.registry;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.AccessControlled;
import io.jenkins.plugins.cd4ml.registry.Approval;
import io.jenkins.plugins.cd4ml.registry.ApprovalStatus;
import io.jenkins.plugins.cd4ml.registry.AuditEvent;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.steps.support.JenkinsFacade;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Approval decisions and alias moves, each behind {@link Cd4mlPermissions#APPROVE} on the job the
 * request comes from. Used by the {@code approveModel} and {@code setModelAlias} steps and by the
 * build page's approve form, so the check cannot be forgotten on one path.
 */
final class ModelApprovals {
    private final JenkinsFacade jenkins;
    private final RegistryLocator locator;
    private final Clock clock;

    /**
     * @param jenkins the facade checking permissions and naming the user
     * @param locator the registry to change
     * @param clock when decisions are taken
     */
    ModelApprovals(@NonNull JenkinsFacade jenkins, @NonNull RegistryLocator locator, @NonNull Clock clock) {
        this.jenkins = Objects.requireNonNull(jenkins, "jenkins");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param jenkins the facade; the registry is the configured one */
    ModelApprovals(@NonNull JenkinsFacade jenkins) {
        this(jenkins, RegistryLocator.find(jenkins), Clock.systemUTC());
    }

    private ModelRegistry open() throws IOException {
        try {
            return locator.open(jenkins);
        } catch (InvalidInputException e) {
            throw new IOException("the model registry cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * @param job the job (or build) asking, whose permissions apply
     * @param model the model
     * @param version the version
     * @param decision APPROVED, REJECTED or PENDING_MANUAL_APPROVAL
     * @param reason why
     * @return the version with its new approval
     * @throws IOException if the registry fails or the version does not exist
     */
    ModelVersion approve(AccessControlled job, String model, int version, ApprovalStatus decision, String reason)
            throws IOException {
        jenkins.checkPermission(job, Cd4mlPermissions.APPROVE);
        try (ModelRegistry registry = open()) {
            return registry.setApproval(model, version,
                    new Approval(decision, jenkins.getCurrentUserId(), clock.instant(), reason));
        }
    }

    /**
     * @param job the job (or build) asking, whose permissions apply
     * @param model the model
     * @param alias e.g. {@code production}
     * @param version the version it points at from now on
     * @param reason why
     * @return the audit entry (with the version it pointed at before)
     * @throws IOException if the registry fails or the version does not exist
     */
    AuditEvent setAlias(AccessControlled job, String model, String alias, int version, String reason)
            throws IOException {
        jenkins.checkPermission(job, Cd4mlPermissions.APPROVE);
        try (ModelRegistry registry = open()) {
            return registry.setAlias(model, alias, version, jenkins.getCurrentUserId(), reason);
        }
    }
}
