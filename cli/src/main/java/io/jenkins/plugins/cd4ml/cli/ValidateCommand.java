package io.jenkins.plugins.cd4ml.cli;

import io.jenkins.plugins.cd4ml.gates.datacheck.DataCheckReport;
import io.jenkins.plugins.cd4ml.gates.datacheck.DataCheckRun;
import io.jenkins.plugins.cd4ml.gates.expectations.ExpectationSuggester;
import io.jenkins.plugins.cd4ml.gates.expectations.ValidationOptions;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.HtmlRenderer;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.JunitXmlRenderer;
import io.jenkins.plugins.cd4ml.report.MarkdownRenderer;
import io.jenkins.plugins.cd4ml.report.ReportDocument;
import io.jenkins.plugins.cd4ml.report.TextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cd4ml validate}: checks a dataset against an expectations file, or suggests one.
 * The same engine ({@link DataCheckRun}: expectations, then drift against {@code --baseline}) as the
 * Jenkins {@code validateData} step.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate a dataset (CSV, TSV, JSON Lines, optionally .gz) against an expectations file,",
                "or write a starting expectations file with --suggest."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every expectation (and drift check) held", "1:a failure-level expectation or drift check failed",
                "2:usage error",
                "3:could not evaluate (bad data or expectations file; nothing is reported as passed or failed)",
                "4:only warning-level expectations or drift checks failed"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The dataset to validate.")
    Path data;

    @Option(names = "--expectations", paramLabel = "FILE", description = "The expectations file (YAML, or JSON by extension).")
    Path expectations;

    @Option(names = "--suggest", description = "Scan the dataset and write a starting expectations file to --output.")
    boolean suggest;

    @Option(names = "--force", description = "With --suggest: replace an existing --output file.")
    boolean force;

    @Option(names = "--baseline", paramLabel = "PROFILE|FILE",
            description = {"Also check drift against this baseline: a cd4ml profile (.json), a SageMaker",
                "statistics.json or a data file. Drift settings come from the expectations file's 'drift:'",
                "section (default: PSI > 0.1 warns, > 0.2 fails)."})
    Path baseline;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: text, json, junit, markdown, html (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report (or the suggestion) to this file.")
    Path output;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "5",
            description = "Offending rows to show per expectation (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--delimiter", paramLabel = "C",
            description = "CSV field delimiter, one character or 'tab' (default: by extension; .tsv is tab, else comma).")
    String delimiter;

    @Override
    public Integer call() throws Exception {
        Character separator = delimiter();
        if (samples < 0) {
            throw usage("--samples must be 0 or more");
        }
        if (suggest) {
            if (baseline != null) {
                throw usage("--baseline checks drift while validating; it does not go with --suggest");
            }
            return suggest(separator);
        }
        if (expectations == null) {
            throw usage("missing --expectations FILE (or use --suggest --output FILE)");
        }
        ValidationOptions options = ValidationOptions.defaults().withMaxSamples(samples);
        if (separator != null) {
            options = options.withDelimiter(separator);
        }
        DataCheckReport report = DataCheckRun.run(data, expectations, baseline, options);
        if (report.isError()) {
            spec.commandLine().getErr().println("cd4ml: error: " + report.validation().error().message());
            return ExitCodes.ERROR;
        }
        String rendered = render(report);
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(rendered);
        } else {
            writeAtomically(output, rendered);
            out.println(TextRenderer.summary(report.document()) + " - report written to " + output);
        }
        out.flush();
        return report.verdict().exitCode();
    }

    private int suggest(Character separator) throws InvalidInputException, IOException {
        if (expectations != null) {
            throw usage("--suggest writes expectations; do not pass --expectations with it");
        }
        if (output == null) {
            throw usage("--suggest needs --output FILE for the expectations it writes");
        }
        if (Files.exists(output) && !force) {
            throw usage(output + " already exists; choose another --output or add --force to replace it");
        }
        String yaml = ExpectationSuggester.suggest(data, separator);
        writeAtomically(output, yaml);
        spec.commandLine().getOut().println("Suggested expectations written to " + output
                + " (review the bounds before relying on them)");
        return ExitCodes.PASSED;
    }

    private String render(DataCheckReport report) throws IOException {
        ReportDocument document = report.document();
        return switch (format) {
            case text -> TextRenderer.render(document);
            case json -> Json.mapper().writeValueAsString(report.toJson()) + "\n";
            case junit -> JunitXmlRenderer.render(document, "cd4ml.validate");
            case markdown -> MarkdownRenderer.render(document);
            case html -> HtmlRenderer.render(document);
        };
    }

    private Character delimiter() {
        if (delimiter == null) {
            return null;
        }
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) {
            return '\t';
        }
        if (delimiter.length() != 1 || delimiter.charAt(0) == '"' || delimiter.charAt(0) == '\n'
                || delimiter.charAt(0) == '\r') {
            throw usage("--delimiter must be one character other than a quote or line break, or 'tab' (got '"
                    + delimiter + "')");
        }
        return delimiter.charAt(0);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Writes next to the target and moves into place, so a reader never sees half a file. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = Files.createTempFile(parent, "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
