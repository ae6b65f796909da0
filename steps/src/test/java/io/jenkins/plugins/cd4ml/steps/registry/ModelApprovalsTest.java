package io.jenkins.plugins.cd4ml.steps.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.AccessControlled;
import io.jenkins.plugins.cd4ml.registry.ApprovalStatus;
import io.jenkins.plugins.cd4ml.registry.AuditEvent;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.Registration;
import io.jenkins.plugins.cd4ml.steps.StepArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelApprovalsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T05:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private final AccessControlled job = new AccessControlled() { };

    @BeforeEach
    void registerTwoVersions() throws Exception {
        Path model = Files.writeString(root.resolve("model.bin"), "weights");
        try (ModelRegistry registry = RegistryLocator.EMBEDDED.open(jenkins(true))) {
            registry.register(Registration.builder("credit-risk").artifact("model.bin", model).build());
            registry.register(Registration.builder("credit-risk").artifact("model.bin", model).build());
        }
    }

    private FakeJenkins jenkins(boolean granted) {
        return new FakeJenkins(root.toFile(), "alice", granted);
    }

    @Test
    void theApprovePermissionIsAnItemPermissionImpliedByConfigure() {
        assertThat(Cd4mlPermissions.APPROVE.name).isEqualTo("Approve");
        assertThat((Object) Cd4mlPermissions.APPROVE.group).isSameAs(Cd4mlPermissions.GROUP);
        assertThat(Cd4mlPermissions.GROUP.owner).isEqualTo(Cd4mlPermissions.class);
        assertThat(Cd4mlPermissions.GROUP.getTitle().toString()).isEqualTo("Machine learning");
    }

    @Test
    void thePermissionIsLoadedWhenJenkinsStartsSoTheMatrixListsIt() throws Exception {
        Initializer initializer = Cd4mlPermissions.class.getMethod("register").getAnnotation(Initializer.class);
        assertThat(initializer).isNotNull();
        assertThat(initializer.after()).isEqualTo(InitMilestone.PLUGINS_STARTED);
    }

    @Test
    void anApproverRecordsADecisionWithWhoWhenAndWhy() throws Exception {
        FakeJenkins jenkins = jenkins(true);
        ModelVersion approved = new ModelApprovals(jenkins, RegistryLocator.EMBEDDED, CLOCK)
                .approve(job, "credit-risk", 2, ApprovalStatus.APPROVED, "reviewed");

        assertThat(jenkins.checked).containsExactly(Cd4mlPermissions.APPROVE);
        assertThat(jenkins.contexts).containsExactly(job);
        assertThat(approved.approval().status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.approval().by()).isEqualTo("alice");
        assertThat(approved.approval().at()).isEqualTo(CLOCK.instant());
        assertThat(approved.approval().reason()).isEqualTo("reviewed");
    }

    @Test
    void withoutThePermissionNothingChanges() throws Exception {
        FakeJenkins denied = jenkins(false);
        ModelApprovals approvals = new ModelApprovals(denied, RegistryLocator.EMBEDDED, CLOCK);

        assertThatThrownBy(() -> approvals.approve(job, "credit-risk", 1, ApprovalStatus.APPROVED, "sneaky"))
                .isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> approvals.setAlias(job, "credit-risk", "production", 1, "sneaky"))
                .isInstanceOf(SecurityException.class);
        try (ModelRegistry registry = RegistryLocator.EMBEDDED.open(denied)) {
            assertThat(registry.requireVersion("credit-risk", 1).approval().status())
                    .isEqualTo(ApprovalStatus.PENDING_MANUAL_APPROVAL);
            assertThat(registry.aliases("credit-risk")).isEmpty();
        }
    }

    @Test
    void aliasMovesAreAuditedWithThePreviousVersion() throws Exception {
        ModelApprovals approvals = new ModelApprovals(jenkins(true), RegistryLocator.EMBEDDED, CLOCK);

        AuditEvent first = approvals.setAlias(job, "credit-risk", "production", 1, "first");
        AuditEvent second = approvals.setAlias(job, "credit-risk", "production", 2, "better");

        assertThat(first.from()).isEmpty();
        assertThat(second.from()).isNotEmpty();
        assertThat(second.by()).isEqualTo("alice");
        try (ModelRegistry registry = RegistryLocator.EMBEDDED.open(jenkins(true))) {
            assertThat(registry.aliases("credit-risk")).containsEntry("production", 2);
        }
    }

    @Test
    void stepsBindAndCheckTheirArguments() throws Exception {
        ApproveModelStep approve = StepArguments.bind(ApproveModelStep.class,
                Map.of("name", "credit-risk", "version", 2, "decision", "approved", "reason", "ok"));
        assertThat(approve.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThatThrownBy(() -> StepArguments.bind(ApproveModelStep.class,
                Map.of("name", "m", "version", 1, "decision", "maybe")).status())
                .isInstanceOf(AbortException.class).hasMessageContaining("maybe");
        assertThat(StepArguments.requiredArgumentNames(SetModelAliasStep.class))
                .containsExactly("name", "alias", "version");
        assertThat(new ApproveModelStep.DescriptorImpl().getFunctionName()).isEqualTo("approveModel");
        assertThat(new SetModelAliasStep.DescriptorImpl().getFunctionName()).isEqualTo("setModelAlias");
        assertThat(ModelVersionAction.parse("rejected")).isEqualTo(ApprovalStatus.REJECTED);
        assertThatThrownBy(() -> ModelVersionAction.parse("PENDING_MANUAL_APPROVAL"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
