package io.jenkins.plugins.cd4ml.cli;

import io.jenkins.plugins.cd4ml.gates.metrics.EvaluationData;
import io.jenkins.plugins.cd4ml.gates.metrics.MetricsReport;
import io.jenkins.plugins.cd4ml.gates.metrics.PredictionReader;
import io.jenkins.plugins.cd4ml.gates.metrics.PredictionSpec;
import io.jenkins.plugins.cd4ml.gates.metrics.Task;
import io.jenkins.plugins.cd4ml.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cd4ml metrics}: model-quality and fairness metrics of one predictions file, with the names
 * and definitions of scikit-learn 1.2.1 and Fairlearn.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Compute model-quality and fairness metrics of a predictions file (CSV or JSON Lines).",
                "Binary: the predicted class is the score against --threshold when given, else the --prediction"
                        + " column, else the score against 0.5."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:metrics computed", "2:usage error", "3:could not evaluate (bad or missing input)"})
final class MetricsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--predictions", required = true, paramLabel = "FILE", description = "Predictions file.")
    Path predictions;

    @Option(names = "--task", required = true, paramLabel = "TASK", converter = TaskConverter.class,
            description = "binary, multiclass or regression.")
    Task task;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "Column of the true label/value.")
    String label;

    @Option(names = "--score", paramLabel = "COL",
            description = "Column of the positive class's score or probability (binary).")
    String score;

    @Option(names = "--prediction", paramLabel = "COL", description = "Column of the predicted class or value.")
    String prediction;

    @Option(names = "--sensitive", paramLabel = "COL", split = ",",
            description = "Sensitive column(s) for fairness metrics; several are intersected.")
    List<String> sensitive = List.of();

    @Option(names = "--positive-label", paramLabel = "V", defaultValue = "1",
            description = "The positive class of a binary task (default: ${DEFAULT-VALUE}).")
    String positiveLabel;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Decision threshold on the score (default 0.5 when no --prediction column is given).")
    Double threshold;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (format != OutputFormat.text && format != OutputFormat.json) {
            throw new ParameterException(spec.commandLine(), "--format: expected text or json but found " + format);
        }
        PredictionSpec columns = new PredictionSpec(task, label, score, prediction, positiveLabel, threshold,
                sensitive, null, null, null);
        EvaluationData data = PredictionReader.read(predictions, columns);
        MetricsReport report = MetricsReport.of(data, sensitive);
        if (format == OutputFormat.json) {
            spec.commandLine().getOut().println(Json.mapper().writeValueAsString(report.toJson()));
        } else {
            spec.commandLine().getOut().print(report.toText());
        }
        spec.commandLine().getOut().flush(); // print() does not flush, and main() exits right after
        return ExitCodes.PASSED;
    }

    /** Parses {@code --task}. */
    static final class TaskConverter implements picocli.CommandLine.ITypeConverter<Task> {
        @Override
        public Task convert(String value) {
            try {
                return Task.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
