package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.cli.ExitCodes;
import io.jenkins.plugins.cd4ml.registry.Lineage;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cd4ml lineage MODEL VERSION}: the short form of {@code cd4ml registry lineage}. */
@Command(name = "lineage", description = "Show a model version's lineage: build, data digests, gates, "
        + "deployments, and the commands to reproduce it.")
public final class LineageCommand extends RegistrySubcommand {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The model.")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version number or an alias.")
    String version;

    @Override
    int run(ModelRegistry registry, PrintWriter out) throws Exception {
        String model = model(name);
        var found = version.matches("\\d+") ? registry.requireVersion(model, Integer.parseInt(version))
                : registry.resolveAlias(model, version).orElseThrow(() ->
                        new io.jenkins.plugins.cd4ml.registry.NotFoundException(
                                "model '" + model + "' has no alias '" + version + "'"));
        return print(Lineage.of(found), options, out);
    }

    static int print(Lineage lineage, RegistryOptions options, PrintWriter out) throws IOException {
        if (options.json()) {
            Output.json(out, lineage);
        } else {
            out.print(lineage.toText());
        }
        return ExitCodes.PASSED;
    }
}
