package io.jenkins.plugins.cd4ml.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.gates.profile.ColumnProfile;
import io.jenkins.plugins.cd4ml.gates.profile.DatasetProfile;
import io.jenkins.plugins.cd4ml.gates.profile.Profiler;
import io.jenkins.plugins.cd4ml.gates.profile.ProfileJson;
import io.jenkins.plugins.cd4ml.gates.profile.SageMakerConstraints;
import io.jenkins.plugins.cd4ml.gates.profile.SageMakerStatistics;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cd4ml profile}: one streaming pass over a dataset, writing a reusable drift baseline. */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Profile a dataset in one pass (memory independent of its size): counts, nulls,"
                + " min/max/mean/stddev, a KLL quantile sketch, histograms and value counts.",
                "Use the profile as 'cd4ml drift --baseline PROFILE'; --sagemaker-dir also writes SageMaker"
                + " Model Monitor statistics.json and constraints.json."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:profile written", "2:usage error", "3:could not evaluate (bad or missing input)"})
final class ProfileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The dataset (CSV, TSV, JSON Lines, optionally .gz).")
    Path data;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the cd4ml profile (JSON).")
    Path output;

    @Option(names = "--sagemaker-dir", paramLabel = "DIR",
            description = "Also write statistics.json and constraints.json (SageMaker Model Monitor format) here.")
    Path sagemakerDir;

    @Option(names = "--sketch-k", defaultValue = "2048", paramLabel = "K",
            description = "KLL sketch size: larger is more accurate (default: ${DEFAULT-VALUE}, as SageMaker).")
    int sketchK;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Standard output: text (a summary) or json (the profile) (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (output == null && sagemakerDir == null && format != OutputFormat.json) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "nothing to write: give --output FILE, --sagemaker-dir DIR or --format json");
        }
        if (format != OutputFormat.text && format != OutputFormat.json) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format " + format + " is not supported by profile (expected text or json)");
        }
        if (sketchK < 8) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sketch-k must be at least 8");
        }
        DatasetProfile profile = new Profiler(sketchK).profile(data);
        ObjectNode json = ProfileJson.write(profile);
        if (output != null) {
            writeAtomically(output, json);
        }
        if (sagemakerDir != null) {
            Files.createDirectories(sagemakerDir);
            writeAtomically(sagemakerDir.resolve("statistics.json"), SageMakerStatistics.write(profile));
            writeAtomically(sagemakerDir.resolve("constraints.json"), SageMakerConstraints.write(profile));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.mapper().writeValueAsString(json));
        } else {
            out.printf(Locale.ROOT, "Profiled %s: %d rows, %d columns%n", profile.source(), profile.rows(),
                    profile.columns().size());
            for (ColumnProfile column : profile.columns()) {
                out.printf(Locale.ROOT, "  %-24s %-10s count=%d nulls=%d%s%n", column.name(),
                        column.type().name().toLowerCase(Locale.ROOT), column.count(), column.nulls(),
                        column.frequencies() == null ? "" : " distinct" + (column.frequencies().complete() ? "=" : ">=")
                                + column.frequencies().distinct());
            }
            if (output != null) {
                out.println("Profile: " + output);
            }
            if (sagemakerDir != null) {
                out.println("SageMaker baseline: " + sagemakerDir.resolve("statistics.json") + ", "
                        + sagemakerDir.resolve("constraints.json"));
            }
        }
        out.flush();
        return ExitCodes.PASSED;
    }

    /** Writes through a temporary file in the same folder, so a reader never sees half a file. */
    private static void writeAtomically(Path target, ObjectNode json) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        // not Files.createTempFile: its owner-only permissions would carry over to the user's file
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid()
                + "." + System.nanoTime() + ".tmp");
        try {
            Files.writeString(temporary, Json.mapper().writeValueAsString(json) + System.lineSeparator());
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
