package io.jenkins.plugins.cd4ml.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.cd4ml.Cd4mlVersion;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cd4ml} command: the same engine as the Jenkins steps, for laptops and other CI. */
@Command(name = "cd4ml",
        mixinStandardHelpOptions = true,
        versionProvider = Cd4mlCommand.Version.class,
        description = "Continuous delivery for machine learning: validate data, gate models, register and deploy.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:passed",
                "1:failed (a failure-level check failed)",
                "2:usage error",
                "3:could not evaluate (bad or missing input)",
                "4:unstable (only warning-level checks failed)"
        })
public final class Cd4mlCommand implements Callable<Integer> {
    /**
     * The subcommands, added by {@link #create(String)}: only the one that runs when the first
     * argument names it, since building picocli's model of every command (and loading the classes
     * their options name) took half a second of each run's start.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            DemoCommand.class,
            GpusCommand.class,
            TrainCommand.class,
            ProfileCommand.class,
            DriftCommand.class,
            DeployCommand.class,
            ValidateCommand.class,
            MetricsCommand.class,
            GateCommand.class,
            io.jenkins.plugins.cd4ml.cli.registry.RegistryCommand.class,
            io.jenkins.plugins.cd4ml.cli.registry.LineageCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    /**
     * Runs a command line and returns its exit code without exiting, for tests and embedding.
     *
     * @param out standard output
     * @param err standard error
     * @param args the arguments
     * @return the exit code
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = create(args.length == 0 ? null : args[0]);
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** @return the configured command line with every subcommand and cd4ml's exit-code mapping */
    public static CommandLine create() {
        return create(null);
    }

    /**
     * @param first the first argument, or {@code null}: when it names a subcommand, only that one
     *     is added; otherwise (help, options, a typo) all are, so usage and suggestions stay complete
     * @return the configured command line with cd4ml's exit-code mapping
     */
    static CommandLine create(String first) {
        CommandLine cd4ml = new CommandLine(new Cd4mlCommand());
        List<Class<?>> chosen = SUBCOMMANDS.stream().filter(type -> names(type).contains(first)).toList();
        boolean help = chosen.contains(CommandLine.HelpCommand.class);
        for (Class<?> type : chosen.isEmpty() || help ? SUBCOMMANDS : chosen) {
            cd4ml.addSubcommand(type);
        }
        return cd4ml
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExitCodeExceptionMapper(Cd4mlCommand::exitCodeOf)
                .setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
                    commandLine.getErr().println("cd4ml: error: " + messageOf(exception));
                    return exitCodeOf(exception);
                });
    }

    private static List<String> names(Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }

    private static int exitCodeOf(Throwable exception) {
        if (exception instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.ERROR;
    }

    private static String messageOf(Throwable exception) {
        if (exception instanceof InvalidInputException) {
            return exception.getMessage();
        }
        return exception.getClass().getSimpleName() + ": " + exception.getMessage();
    }

    /**
     * Loads and initializes Jackson on another thread while picocli builds its model on this one:
     * it takes about 0.3 s of a cold JVM, every command reads or writes JSON or YAML, and the second
     * core is otherwise idle at start-up.
     */
    private static void warmUpJson() {
        Thread warmUp = new Thread(() -> {
            try {
                Json.mapper().writeValueAsString(Json.mapper().createObjectNode().put("warm", 1.0));
            } catch (JsonProcessingException | RuntimeException ignored) {
                // only a head start: the command itself meets any real problem
            }
        }, "cd4ml-json-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Entry point.
     *
     * @param args the command line
     */
    public static void main(String... args) {
        warmUpJson();
        System.exit(create(args.length == 0 ? null : args[0]).execute(args));
    }

    /** Prints the engine version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cd4ml " + Cd4mlVersion.get(),
                    "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
        }
    }
}
