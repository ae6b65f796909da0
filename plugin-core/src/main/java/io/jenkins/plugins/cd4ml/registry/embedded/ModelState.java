package io.jenkins.plugins.cd4ml.registry.embedded;

import io.jenkins.plugins.cd4ml.registry.Approval;
import io.jenkins.plugins.cd4ml.registry.ApprovalStatus;
import io.jenkins.plugins.cd4ml.registry.AuditEvent;
import io.jenkins.plugins.cd4ml.registry.DeploymentRecord;
import io.jenkins.plugins.cd4ml.registry.ModelVersion.VersionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The changeable state of a model (approvals, aliases, deployments) replayed from its append-only
 * audit log: the log is the single source of truth, so a change is visible exactly when its line is.
 */
final class ModelState {
    private final List<AuditEvent> events = new ArrayList<>();
    private final Map<Integer, Approval> approvals = new HashMap<>();
    private final Map<String, Integer> aliases = new TreeMap<>();
    private final Map<Integer, List<DeploymentRecord>> deployments = new HashMap<>();

    ModelState(List<LogEntry> entries) {
        for (LogEntry entry : entries) {
            AuditEvent event = entry.event();
            events.add(event);
            switch (event.action()) {
                case APPROVAL -> approvals.put(Integer.parseInt(event.subject()),
                        new Approval(ApprovalStatus.valueOf(event.to()), event.by(), event.at(), event.reason()));
                case ALIAS -> aliases.put(event.subject(), Integer.parseInt(event.to()));
                case DEPLOYMENT -> deployments.computeIfAbsent(Integer.parseInt(event.subject()),
                        v -> new ArrayList<>()).add(entry.deployment());
                case REGISTER -> { }
            }
        }
    }

    List<AuditEvent> events() {
        return List.copyOf(events);
    }

    Map<String, Integer> aliases() {
        return Map.copyOf(aliases);
    }

    Optional<Integer> alias(String name) {
        return Optional.ofNullable(aliases.get(name));
    }

    VersionState of(int version) {
        List<String> names = new ArrayList<>();
        aliases.forEach((alias, target) -> {
            if (target == version) {
                names.add(alias);
            }
        });
        return new VersionState(Optional.ofNullable(approvals.get(version)), names,
                deployments.getOrDefault(version, List.of()));
    }
}
