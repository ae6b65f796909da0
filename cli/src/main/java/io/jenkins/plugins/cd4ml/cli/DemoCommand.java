package io.jenkins.plugins.cd4ml.cli;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the bundled example pipeline ({@code examples/credit-risk}) end to end on this machine, with
 * no network: validate data, profile and check drift, train, compute metrics, gate against the
 * model that serves in production, register the model, deploy it to dev, as a canary to staging
 * and, once approved, blue/green to production. Every stage is an ordinary {@code cd4ml} command, printed as it runs, so each result can
 * be reproduced by hand; the stages stop where a Jenkins pipeline would (a FAILED or ERROR verdict).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the bundled example pipeline end to end (no network); outputs go to ./cd4ml-demo/.",
            "Exit code 0 when the pipeline ran to the end (warnings allowed), otherwise the code of the stage "
                    + "that stopped it."})
final class DemoCommand implements Callable<Integer> {
    private static final String MODEL = "credit-risk";

    @Spec
    CommandSpec spec;

    @Option(names = "--output", description = "Directory for the demo's outputs (default: ${DEFAULT-VALUE}).",
            defaultValue = "cd4ml-demo")
    Path output;

    @Option(names = "--example", description = "The example project (default: ${DEFAULT-VALUE}).",
            defaultValue = "examples/credit-risk")
    Path example;

    @Option(names = "--trainer", description = "The example's training program (default: ${DEFAULT-VALUE}).",
            defaultValue = "examples/credit-risk/trainer/target/credit-risk-trainer.jar")
    Path trainer;

    /** One stage of the demo pipeline and what came of it. */
    record Stage(String name, List<String> arguments, int exitCode, Path log) {
        boolean stopsThePipeline() {
            return exitCode != ExitCodes.PASSED && exitCode != ExitCodes.UNSTABLE;
        }

        String outcome() {
            return switch (exitCode) {
                case 0 -> "passed";
                case 1 -> "failed";
                case 2 -> "usage error";
                case 3 -> "could not evaluate";
                case 4 -> "unstable (warnings)";
                default -> "exit " + exitCode;
            };
        }
    }

    @Override
    public Integer call() throws Exception {
        requireFile(example.resolve("data/train.csv"), "run `./cd4ml demo` from the root of the cd4ml checkout");
        requireFile(trainer, "build it with `./mvnw -B -DskipTests -pl examples/credit-risk/trainer -am package`"
                + " (the ./cd4ml script does this on first use)");
        Files.createDirectories(output.resolve("logs"));
        String data = example.resolve("data").toString();
        String ml = example.resolve("ml").toString();
        String out = output.toString();
        Path predictions = output.resolve("train/predictions.csv");

        List<List<String>> pipeline = new ArrayList<>();
        pipeline.add(List.of("validate", "--data", data + "/train.csv", "--expectations", ml + "/expectations.yaml",
                "--format", "html", "--output", out + "/validation-train.html"));
        pipeline.add(List.of("validate", "--data", data + "/eval.csv", "--expectations", ml + "/expectations.yaml",
                "--format", "json", "--output", out + "/validation-eval.json"));
        pipeline.add(List.of("profile", "--data", data + "/train.csv", "--output", out + "/train-profile.json",
                "--sagemaker-dir", out + "/sagemaker-baseline"));
        // the drift checks are the `drift:` section of the expectations file (it leaves out the id column)
        pipeline.add(List.of("drift", "--baseline", out + "/train-profile.json", "--current", data + "/eval.csv",
                "--config", ml + "/expectations.yaml", "--output", out + "/drift.json"));
        // the training command runs in the output directory: declared outputs must lie inside it
        String absoluteData = example.resolve("data").toAbsolutePath().toString();
        pipeline.add(List.of("train", "--gpus", "0", "--workdir", out, "--model", "train/model", "--metrics",
                "train/metrics.json", "--", javaExecutable(), "-jar", trainer.toAbsolutePath().toString(), "--train",
                absoluteData + "/train.csv", "--eval", absoluteData + "/eval.csv", "--label", "approved", "--id", "id",
                "--exclude", "sex", "--keep", "sex", "--out", "train"));
        pipeline.add(List.of("metrics", "--predictions", predictions.toString(), "--task", "binary", "--label",
                "label", "--score", "score", "--prediction", "prediction", "--sensitive", "sex", "--format", "json"));
        // the baseline is the version the registry alias `production` points at (none on the first run)
        pipeline.add(List.of("gate", "--predictions", predictions.toString(), "--gates", ml + "/gates.yaml",
                "--registry", out + "/registry", "--model", MODEL, "--evaluation-data", data + "/eval.csv",
                "--format", "json"));
        pipeline.add(List.of("registry", "register", "--store", out + "/registry", "--name", MODEL, "--artifact",
                out + "/train/model", "--evaluation-predictions", predictions.toString(), "--gate-report",
                out + "/gate.json", "--training-data", data + "/train.csv", "--evaluation-data", data + "/eval.csv",
                "--format", "json"));

        PrintWriter console = spec.commandLine().getOut();
        List<Stage> stages = new ArrayList<>();
        for (List<String> arguments : pipeline) {
            Stage stage = run(arguments, console, stages.size() + 1);
            stages.add(stage);
            if (stage.stopsThePipeline()) {
                return finish(console, stages, stage.exitCode());
            }
        }
        String version = registeredVersion(stages.get(stages.size() - 1).log());
        String environments = ml + "/environments.yaml";
        String registry = out + "/registry";
        List<List<String>> release = List.of(
                List.of("deploy", "--store", registry, "--environments", environments, "--environment", "dev",
                        "--model", MODEL, "--version", version, "--state-dir", out + "/state"),
                List.of("deploy", "--store", registry, "--environments", environments, "--environment", "staging",
                        "--model", MODEL, "--version", version, "--strategy", "canary", "--percent", "10",
                        "--bake-seconds", "1", "--alarm", "credit-risk-error-rate", "--state-dir", out + "/state"),
                // production requires an APPROVED version; in Jenkins a person answers an `input` step here
                List.of("registry", "approve", "--store", registry, "--name", MODEL, "--version", version,
                        "--reason", "demo: canary healthy in staging"),
                // moves the `production` alias only once the version is verified serving: the next run's baseline
                List.of("deploy", "--store", registry, "--environments", environments, "--environment",
                        "production", "--model", MODEL, "--version", version, "--strategy", "blue-green",
                        "--state-dir", out + "/state"));
        for (List<String> arguments : release) {
            Stage stage = run(arguments, console, stages.size() + 1);
            stages.add(stage);
            if (stage.stopsThePipeline()) {
                return finish(console, stages, stage.exitCode());
            }
        }
        stages.add(run(List.of("lineage", "--store", registry, MODEL, version), console, stages.size() + 1));
        return finish(console, stages, ExitCodes.PASSED);
    }

    private Stage run(List<String> arguments, PrintWriter console, int number) throws IOException {
        String name = arguments.get(0) + (arguments.get(0).equals("registry") ? " " + arguments.get(1) : "");
        console.println();
        console.println("== " + number + ". " + name);
        console.println("$ ./cd4ml " + String.join(" ", arguments));
        console.flush();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), arguments.toArray(String[]::new));
        Path log = output.resolve("logs/" + String.format("%02d", number) + "-" + name.replace(' ', '-') + ".log");
        if (name.equals("gate")) {
            Files.writeString(output.resolve("gate.json"), out.toString(), StandardCharsets.UTF_8);
        }
        Files.writeString(log, out + (err.getBuffer().length() > 0 ? "\n--- stderr ---\n" + err : ""),
                StandardCharsets.UTF_8);
        String shown = out.toString().length() > 1200 ? "(output in " + log + ")" : out.toString().strip();
        if (!shown.isEmpty()) {
            console.println(shown);
        }
        if (exitCode != 0 && err.getBuffer().length() > 0) {
            console.println(err.toString().strip());
        }
        console.println("-> " + new Stage(name, arguments, exitCode, log).outcome());
        console.flush();
        return new Stage(name, arguments, exitCode, log);
    }

    private int finish(PrintWriter console, List<Stage> stages, int exitCode) throws IOException {
        StringBuilder summary = new StringBuilder("# cd4ml demo: credit-risk pipeline\n\n")
                .append("| # | stage | outcome | command | log |\n| --- | --- | --- | --- | --- |\n");
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            summary.append("| ").append(i + 1).append(" | ").append(stage.name()).append(" | ").append(stage.outcome())
                    .append(" | `./cd4ml ").append(String.join(" ", stage.arguments()).replace("|", "\\|"))
                    .append("` | ").append(output.relativize(stage.log())).append(" |\n");
        }
        summary.append("\nValidation report: validation-train.html. Drift: drift.json. Gates: gate.json. ")
                .append("Model registry: registry/ (`./cd4ml registry list --store ").append(output.resolve("registry"))
                .append(" --name ").append(MODEL).append("`). Deployment records: state/deployments/.\n");
        Path report = output.resolve("summary.md");
        Files.writeString(report, summary, StandardCharsets.UTF_8);
        console.println();
        console.println((exitCode == ExitCodes.PASSED ? "Demo finished." : "Demo stopped at stage " + stages.size()
                + ".") + " Report: " + report.toAbsolutePath());
        console.println("Validation report (HTML): " + output.resolve("validation-train.html").toAbsolutePath());
        console.flush();
        return exitCode;
    }

    private static String registeredVersion(Path log) throws IOException, InvalidInputException {
        var json = io.jenkins.plugins.cd4ml.json.Json.mapper().readTree(Files.readString(log).split("\n--- stderr")[0]);
        if (json == null || !json.has("version")) {
            throw new InvalidInputException(SourceLocation.ofFile(log.toString()), "no \"version\" in the output of"
                    + " `registry register`");
        }
        return json.get("version").asText();
    }

    private static void requireFile(Path file, String hint) throws InvalidInputException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()), "not found: " + hint);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
