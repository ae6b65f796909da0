package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.registry.Lineage;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import java.io.PrintWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cd4ml registry lineage}: build → data → gates → version → deployments, and how to reproduce. */
@Command(name = "lineage", description = "Show how a version was made and where it was deployed.")
final class RegistryLineageCommand extends RegistrySubcommand {
    @Option(names = "--name", paramLabel = "MODEL", required = true, description = "The model.")
    String name;

    @ArgGroup(exclusive = false, multiplicity = "1")
    VersionSelector selector;

    @Override
    int run(ModelRegistry registry, PrintWriter out) throws Exception {
        return LineageCommand.print(Lineage.of(selector.resolve(registry, model(name))), options, out);
    }

}
