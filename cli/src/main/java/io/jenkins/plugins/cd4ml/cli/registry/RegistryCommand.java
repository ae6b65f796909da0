package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cd4ml registry}: register, list, approve and alias model versions; show their lineage. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Model registry: register, list, show, approve, alias, lineage.",
        subcommands = {
                RegistryListCommand.class,
                RegistryShowCommand.class,
                RegistryRegisterCommand.class,
                RegistryApproveCommand.class,
                RegistryAliasCommand.class,
                RegistryLineageCommand.class
        })
public final class RegistryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }
}
