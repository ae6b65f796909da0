package io.jenkins.plugins.cd4ml.deploy;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The declared environments, in declaration order (the promotion order dev → staging → production).
 *
 * @param environments the environments, names unique
 */
public record Environments(List<Environment> environments) implements Serializable {
    /** Copies the list. */
    public Environments {
        environments = List.copyOf(environments);
    }

    /**
     * @param name an environment's name
     * @return the environment, if declared
     */
    public Optional<Environment> find(String name) {
        return environments.stream().filter(environment -> environment.name().equals(name)).findFirst();
    }

    /** @return the declared names, in order */
    public List<String> names() {
        return environments.stream().map(Environment::name).toList();
    }
}
