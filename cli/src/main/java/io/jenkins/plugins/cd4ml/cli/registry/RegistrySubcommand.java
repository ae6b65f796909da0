package io.jenkins.plugins.cd4ml.cli.registry;

import io.jenkins.plugins.cd4ml.cli.ExitCodes;
import io.jenkins.plugins.cd4ml.registry.ModelRegistry;
import io.jenkins.plugins.cd4ml.registry.Names;
import io.jenkins.plugins.cd4ml.registry.NotFoundException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The frame of every registry subcommand: open the backend, run, map "not found" to exit code 3
 * and invalid names to a usage error (2).
 */
abstract class RegistrySubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions options;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public final Integer call() throws Exception {
        try (ModelRegistry registry = options.open(spec.commandLine())) {
            return run(registry, spec.commandLine().getOut());
        } catch (NotFoundException e) {
            spec.commandLine().getErr().println("cd4ml: error: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        } finally {
            spec.commandLine().getOut().flush();
        }
    }

    abstract int run(ModelRegistry registry, PrintWriter out) throws Exception;

    String model(String name) {
        try {
            return Names.requireModelName(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    String user(String by) {
        if (by != null && !by.isBlank()) {
            return by;
        }
        String env = System.getProperty("user.name");
        return env == null || env.isBlank() ? "unknown" : env;
    }
}
