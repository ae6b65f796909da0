package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.cli.ExitCodes;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cd4ml registry show}: one version in full. */
@Command(name = "show", description = "Show one model version (by --version or --alias).")
final class RegistryShowCommand extends RegistrySubcommand {
    @Option(names = "--name", paramLabel = "MODEL", required = true, description = "The model.")
    String name;

    @ArgGroup(exclusive = false, multiplicity = "1")
    VersionSelector selector;

    @Override
    int run(ModelRegistry registry, PrintWriter out) throws Exception {
        ModelVersion version = selector.resolve(registry, model(name));
        if (options.json()) {
            Output.json(out, version);
        } else {
            Output.details(out, version);
        }
        return ExitCodes.PASSED;
    }
}
