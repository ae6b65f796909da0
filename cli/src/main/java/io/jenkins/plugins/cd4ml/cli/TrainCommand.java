package io.jenkins.plugins.cd4ml.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.gpu.GpuNodeReport;
import io.jenkins.plugins.cd4ml.gpu.GpuSession;
import io.jenkins.plugins.cd4ml.gpu.GpuStageReport;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocationException;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuAllocator;
import io.jenkins.plugins.cd4ml.gpu.alloc.GpuRequest;
import io.jenkins.plugins.cd4ml.gpu.train.CollectedOutput;
import io.jenkins.plugins.cd4ml.gpu.train.DeclaredOutput;
import io.jenkins.plugins.cd4ml.gpu.train.LocalTraining;
import io.jenkins.plugins.cd4ml.gpu.train.TrainingResult;
import io.jenkins.plugins.cd4ml.gpu.train.TrainingSpec;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cd4ml train}: runs a training command on free, healthy GPUs of this machine, samples
 * their telemetry, collects declared outputs with digests and prints the GPU report.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Run a training command on free, healthy GPUs of this machine (exclusive across concurrent runs), "
                + "with GPU telemetry and digests of its outputs.",
            "Example: cd4ml train --gpus 2 --min-memory-gb 40 --model model/ --metrics metrics.json -- python train.py",
            "On SageMaker (managed spot, same engine as trainModel sagemaker: …): cd4ml train --sagemaker job.yaml "
                    + "--region us-east-1 [--profile NAME] [--assume-role-arn ARN [--external-id ID]] [--no-logs]; "
                    + "the containers' log lines are shown as they arrive; exit code 0 when the job completed, 1 when "
                    + "it failed or was stopped, 3 when the job file is invalid or SageMaker could not be asked.",
            "Exit code 0 on success, 1 when the command fails or a declared output is missing, 3 when no GPUs could "
                    + "be allocated or an input is invalid, 4 when it succeeded but GPUs sat idle most of the time."})
final class TrainCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    @Spec
    CommandSpec spec;

    @Mixin
    GpuOptions gpu;

    @Option(names = "--gpus", paramLabel = "N", description = "How many GPUs (or MIG devices); 0 runs without GPUs "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "1")
    int gpus;

    @Option(names = "--min-memory-gb", paramLabel = "G", description = "Least memory per GPU, in GB as labels write it "
            + "(40 accepts an A100 40GB).", defaultValue = "0")
    int minMemoryGb;

    @Option(names = "--wait", paramLabel = "DURATION", description = "How long to wait for busy GPUs, e.g. 30s, 10m, 2h "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "10m", converter = DurationConverter.class)
    Duration wait;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Kill the command after this long (default: none).",
            converter = DurationConverter.class)
    Duration timeout;

    @Option(names = "--interval", paramLabel = "DURATION", description = "Telemetry sample interval (default: ${DEFAULT-VALUE}).",
            defaultValue = "5s", converter = DurationConverter.class)
    Duration interval;

    @Option(names = "--model", paramLabel = "PATH", description = "Model file or directory the command writes.")
    String model;

    @Option(names = "--metrics", paramLabel = "PATH", description = "Metrics JSON object the command writes.")
    String metrics;

    @Option(names = "--output", paramLabel = "PATH", description = "Another output to digest (repeatable).")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--workdir", paramLabel = "DIR", description = "Working directory (default: current directory).")
    Path workdir;

    @Option(names = "--owner", paramLabel = "TEXT", description = "Shown to runs that wait for these GPUs.")
    String owner;

    @Option(names = "--format", description = "Output format of the report: text or json (default: ${DEFAULT-VALUE}). "
            + "With json the command's log goes to standard error.", defaultValue = "text")
    OutputFormat format;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The training command, after -- "
            + "(required unless --sagemaker).")
    List<String> command;

    @CommandLine.ArgGroup(exclusive = false, heading = "%nSageMaker training:%n")
    SageMakerTrainOptions sagemaker;

    @Override
    public Integer call() throws Exception {
        if (format != OutputFormat.text && format != OutputFormat.json) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format " + format
                    + " is not supported by 'train' (use text or json)");
        }
        if (gpus < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gpus must not be negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter log = format == OutputFormat.json ? spec.commandLine().getErr() : out;
        if (sagemaker != null) {
            if (command != null && !command.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--sagemaker runs the job file's image; "
                        + "give no COMMAND");
            }
            java.util.Optional<String> misuse = sagemaker.usageProblem();
            if (misuse.isPresent()) {
                throw new CommandLine.ParameterException(spec.commandLine(), misuse.get());
            }
            return sagemaker.run(out, log, format);
        }
        if (command == null || command.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'COMMAND' "
                    + "(or --sagemaker JOB.yaml)");
        }
        TrainingSpec training = new TrainingSpec(command,
                (workdir == null ? Path.of("") : workdir).toAbsolutePath().toString(), Map.of(), declaredOutputs(),
                timeout == null ? Duration.ZERO : timeout);
        GpuStageReport gpuReport = null;
        TrainingResult result;
        if (gpus == 0) {
            result = new LocalTraining().run(training, Map.of(), line -> printLine(log, line));
        } else {
            GpuNodeReport node = gpu.scan();
            GpuRequest request = GpuRequest.of(gpus, minMemoryGb, wait,
                    owner == null ? "cd4ml train (pid " + ProcessHandle.current().pid() + ")" : owner);
            GpuSession session;
            try {
                session = GpuSession.open(new GpuAllocator(gpu.lockDirectory()), node, request,
                        new GpuSession.Telemetry(gpu.probe, gpu.nvidiaSmi, interval, Clock.systemUTC()),
                        message -> printLine(log, "cd4ml: " + message));
            } catch (GpuAllocationException e) {
                spec.commandLine().getErr().println("cd4ml: error: " + e.getMessage());
                return Verdict.ERROR.exitCode();
            }
            try {
                printLine(log, "cd4ml: running on " + session.lease().environment().get("CUDA_VISIBLE_DEVICES"));
                result = new LocalTraining().run(training, session.lease().environment(), line -> printLine(log, line));
                gpuReport = session.finish();
            } finally {
                session.close();
            }
        }
        Verdict verdict = verdict(result, gpuReport);
        if (format == OutputFormat.json) {
            out.println(Json.mapper().writeValueAsString(toJson(result, gpuReport, verdict)));
        } else {
            printText(out, result, gpuReport);
        }
        return verdict.exitCode();
    }

    private List<DeclaredOutput> declaredOutputs() {
        List<DeclaredOutput> declared = new ArrayList<>();
        if (model != null) {
            declared.add(new DeclaredOutput(DeclaredOutput.Kind.MODEL, model));
        }
        if (metrics != null) {
            declared.add(new DeclaredOutput(DeclaredOutput.Kind.METRICS, metrics));
        }
        outputs.forEach(o -> declared.add(new DeclaredOutput(DeclaredOutput.Kind.FILE, o)));
        return declared;
    }

    private static synchronized void printLine(PrintWriter writer, String line) {
        writer.println(line);
        writer.flush();
    }

    static Verdict verdict(TrainingResult result, GpuStageReport gpuReport) {
        if (!result.succeeded()) {
            return Verdict.FAILED;
        }
        return gpuReport != null && !gpuReport.telemetry().warnings().isEmpty() ? Verdict.UNSTABLE : Verdict.PASSED;
    }

    private static void printText(PrintWriter out, TrainingResult result, GpuStageReport gpuReport) {
        out.printf(Locale.ROOT, "Training %s: exit code %d%s after %.1f s%n", result.succeeded() ? "succeeded" : "failed",
                result.exitCode(), result.timedOut() ? " (timed out)" : "", result.duration().toMillis() / 1000.0);
        for (CollectedOutput output : result.outputs()) {
            out.printf(Locale.ROOT, "  %s %s: %s%n", output.declared().kind().name().toLowerCase(Locale.ROOT),
                    output.declared().path(), output.present()
                            ? output.digest() + " (" + output.files() + " file(s), " + output.bytes() + " bytes)"
                            : "missing");
            output.metrics().forEach((k, v) -> out.printf(Locale.ROOT, "    %s = %s%n", k, v));
        }
        result.problems().forEach(p -> out.println("  problem: " + p));
        if (gpuReport != null) {
            gpuReport.toText().forEach(out::println);
        }
    }

    private static ObjectNode toJson(TrainingResult result, GpuStageReport gpuReport, Verdict verdict) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.put("verdict", verdict.name());
        root.setAll((ObjectNode) Json.mapper().valueToTree(result));
        root.put("durationSeconds", result.duration().toMillis() / 1000.0);
        root.remove("duration");
        if (gpuReport != null) {
            root.set("gpu", Json.mapper().valueToTree(gpuReport));
        }
        return root;
    }

    /** Reads durations as people write them: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Matcher matcher = DURATION.matcher(value.strip());
            if (!matcher.matches()) {
                throw new CommandLine.TypeConversionException("expected a duration such as 30s, 10m or 2h but found '"
                        + value + "'");
            }
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
    }
}
