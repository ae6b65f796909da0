package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.cli.ExitCodes;
import io.jenkins.plugins.cd4ml.registry.Approval;
import io.jenkins.plugins.cd4ml.registry.ApprovalStatus;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cd4ml registry approve}: approve or reject a version, recording who and why. */
@Command(name = "approve", description = "Approve (or --reject) a model version.")
final class RegistryApproveCommand extends RegistrySubcommand {
    @Option(names = "--name", paramLabel = "MODEL", required = true, description = "The model.")
    String name;

    @Option(names = {"--version", "-v"}, paramLabel = "N", required = true, description = "The version.")
    int version;

    @Option(names = "--reject", description = "Reject instead of approve.")
    boolean reject;

    @Option(names = "--status", description = "Set this status explicitly: ${COMPLETION-CANDIDATES}.")
    ApprovalStatus status;

    @Option(names = "--by", paramLabel = "USER", description = "Who decides (default: the current user).")
    String by;

    @Option(names = "--reason", description = "Why.", defaultValue = "")
    String reason;

    @Override
    int run(ModelRegistry registry, PrintWriter out) throws Exception {
        ApprovalStatus decided = status != null ? status : reject ? ApprovalStatus.REJECTED : ApprovalStatus.APPROVED;
        ModelVersion updated = registry.setApproval(model(name), version,
                new Approval(decided, user(by), Instant.now(), reason));
        if (options.json()) {
            Output.json(out, updated);
        } else {
            out.println(Output.summary(updated));
        }
        return ExitCodes.PASSED;
    }
}
