package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.cli.ExitCodes;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.ModelVersion;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cd4ml registry list}: the models, or one model's versions. */
@Command(name = "list", description = "List registered models, or the versions of one model (--name).")
final class RegistryListCommand extends RegistrySubcommand {
    @Option(names = "--name", paramLabel = "MODEL", description = "List this model's versions.")
    String name;

    @Override
    int run(ModelRegistry registry, PrintWriter out) throws Exception {
        if (name == null) {
            List<String> models = registry.listModels();
            if (options.json()) {
                Map<String, Object> document = Output.document();
                document.put("models", models);
                Output.json(out, document);
            } else {
                models.forEach(out::println);
            }
            return ExitCodes.PASSED;
        }
        List<ModelVersion> versions = registry.listVersions(model(name));
        if (options.json()) {
            Map<String, Object> document = Output.document();
            document.put("name", name);
            document.put("aliases", registry.aliases(name));
            document.put("versions", versions);
            Output.json(out, document);
        } else {
            versions.forEach(v -> out.println(Output.summary(v)));
        }
        return ExitCodes.PASSED;
    }
}
