package io.jenkins.plugins.cd4ml.registry;

import io.jenkins.plugins.cd4ml.registry.ModelVersion.VersionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The changeable state of a model (approvals, aliases, deployments) replayed from its append-only
 * audit log. In the embedded store the log is the single source of truth, so a change is visible
 * exactly when its line is.
 */
public final class AuditReplay {
    private final List<AuditEvent> events = new ArrayList<>();
    private final Map<Integer, Approval> approvals = new HashMap<>();
    private final Map<String, Integer> aliases = new TreeMap<>();
    private final Map<Integer, List<DeploymentRecord>> deployments = new HashMap<>();

    /** @param entries the log, oldest first */
    public AuditReplay(List<AuditEntry> entries) {
        for (AuditEntry entry : entries) {
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

    /** @return the events, oldest first */
    public List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /** @return alias to version */
    public Map<String, Integer> aliases() {
        return Map.copyOf(aliases);
    }

    /** @param name an alias @return its version */
    public Optional<Integer> alias(String name) {
        return Optional.ofNullable(aliases.get(name));
    }

    /** @param version a version @return its approval, aliases and deployments per the log */
    public VersionState of(int version) {
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
