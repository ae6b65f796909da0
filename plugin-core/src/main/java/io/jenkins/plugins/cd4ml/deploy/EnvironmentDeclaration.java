package io.jenkins.plugins.cd4ml.deploy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An environment declared as plain values (a form of Jenkins' global configuration, a JCasC entry)
 * rather than in an environments file; validated by the same rules as the file.
 *
 * @param name the environment's name
 * @param type the target type
 * @param settings the target's settings
 * @param requiresApproval whether only approved versions may be deployed
 * @param alias the registry alias, empty or {@code null} for the name
 * @param credentialsId the credentials ID, empty or {@code null} for none
 * @param roleArn the role to assume, empty or {@code null} for none
 */
public record EnvironmentDeclaration(String name, TargetType type, Map<String, String> settings,
        boolean requiresApproval, String alias, String credentialsId, String roleArn) {
    /** Copies the settings, keeping their order. */
    public EnvironmentDeclaration {
        settings = new LinkedHashMap<>(settings == null ? Map.of() : settings);
    }

    @Override
    public Map<String, String> settings() {
        return new LinkedHashMap<>(settings);
    }

    /**
     * @param declarations the environments, in promotion order
     * @param origin where they are declared, for messages (e.g. {@code global configuration})
     * @param baseDirectory where relative paths in settings resolve
     * @return the validated environments
     * @throws InvalidInputException at the first declaration that breaks a rule, naming it and the rule
     */
    public static Environments toEnvironments(List<EnvironmentDeclaration> declarations, String origin,
            Path baseDirectory) throws InvalidInputException {
        List<Environment> environments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (EnvironmentDeclaration declaration : declarations) {
            Environment environment = declaration.toEnvironment(origin, baseDirectory);
            if (!names.add(environment.name())) {
                throw declaration.problem(origin, "duplicate environment name '" + environment.name() + "'");
            }
            environments.add(environment);
        }
        return new Environments(environments);
    }

    /**
     * @param origin where it is declared, for messages
     * @param baseDirectory where relative paths in settings resolve
     * @return the validated environment
     * @throws InvalidInputException when it breaks a rule of the environments file
     */
    public Environment toEnvironment(String origin, Path baseDirectory) throws InvalidInputException {
        check(origin, SettingRules.name("name", blankToEmpty(name)));
        if (type == null) {
            throw problem(origin, "no target type (expected one of local, sagemaker, kserve)");
        }
        Set<String> allowed = SettingRules.allowed(type);
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            String key = setting.getKey();
            if (!allowed.contains(key)) {
                throw problem(origin, "unknown setting '" + key + "' for a " + type.id() + " target (expected one of "
                        + String.join(", ", allowed) + ")");
            }
            String value = blankToEmpty(setting.getValue());
            check(origin, SettingRules.setting(key, value));
            resolved.put(key, SettingRules.PATH_SETTINGS.contains(key)
                    ? baseDirectory.resolve(value).normalize().toString() : value);
        }
        for (String key : type.required()) {
            if (!resolved.containsKey(key)) {
                throw problem(origin, "a " + type.id() + " target needs the setting '" + key + "'");
            }
        }
        String aliasName = present(alias).orElse(name);
        check(origin, SettingRules.name("alias", aliasName));
        Optional<String> role = present(roleArn);
        if (role.isPresent() && !SettingRules.ROLE_ARN.matcher(role.get()).matches()) {
            throw problem(origin, "'roleArn' must be " + SettingRules.ROLE_ARN_EXPECTED);
        }
        return new Environment(name, new TargetSpec(type, resolved), requiresApproval, aliasName,
                new EnvironmentCredentials(present(credentialsId).orElse(null), role.orElse(null)));
    }

    private void check(String origin, Optional<String> problem) throws InvalidInputException {
        if (problem.isPresent()) {
            throw problem(origin, problem.get());
        }
    }

    private InvalidInputException problem(String origin, String message) {
        return new InvalidInputException(SourceLocation.ofFile(origin + ", environment '" + blankToEmpty(name) + "'"),
                message);
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
