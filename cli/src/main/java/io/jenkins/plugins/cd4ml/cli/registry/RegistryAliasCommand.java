package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.cli.ExitCodes;
import io.jenkins.plugins.cd4ml.registry.AuditEvent;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cd4ml registry alias}: point an alias at a version, or list aliases. */
@Command(name = "alias", description = "Point an alias (e.g. production) at a version; without --alias, list aliases.")
final class RegistryAliasCommand extends RegistrySubcommand {
    @Option(names = "--name", paramLabel = "MODEL", required = true, description = "The model.")
    String name;

    @Option(names = "--alias", paramLabel = "ALIAS", description = "The alias to set.")
    String alias;

    @Option(names = {"--version", "-v"}, paramLabel = "N", description = "The version it points at.")
    Integer version;

    @Option(names = "--by", paramLabel = "USER", description = "Who moves it (default: the current user).")
    String by;

    @Option(names = "--reason", description = "Why.", defaultValue = "")
    String reason;

    @Override
    int run(ModelRegistry registry, PrintWriter out) throws Exception {
        String model = model(name);
        if (alias == null) {
            Map<String, Integer> aliases = registry.aliases(model);
            if (options.json()) {
                Map<String, Object> document = Output.document();
                document.put("name", model);
                document.put("aliases", aliases);
                Output.json(out, document);
            } else {
                aliases.forEach((a, v) -> out.println(a + " -> v" + v));
            }
            return ExitCodes.PASSED;
        }
        if (version == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--alias needs --version");
        }
        AuditEvent event = registry.setAlias(model, alias, version, user(by), reason);
        if (options.json()) {
            Map<String, Object> document = Output.document();
            document.put("event", event);
            Output.json(out, document);
        } else {
            out.println(model + " " + alias + ": " + (event.from().isEmpty() ? "(new)" : "v" + event.from())
                    + " -> v" + event.to());
        }
        return ExitCodes.PASSED;
    }
}
