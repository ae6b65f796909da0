package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import io.jenkins.plugins.cd4ml.registry.NotFoundException;
import java.io.IOException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --version N} or {@code --alias NAME}: which version a command acts on. */
final class VersionSelector {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = {"--version", "-v"}, paramLabel = "N", required = true, description = "Version number.")
        Integer version;

        @Option(names = "--alias", paramLabel = "ALIAS", required = true,
                description = "The version an alias points at (e.g. production).")
        String alias;
    }

    ModelVersion resolve(ModelRegistry registry, String model) throws IOException {
        if (choice.version != null) {
            return registry.requireVersion(model, choice.version);
        }
        return registry.resolveAlias(model, choice.alias)
                .orElseThrow(() -> new NotFoundException("model '" + model + "' has no alias '" + choice.alias + "'"));
    }
}
