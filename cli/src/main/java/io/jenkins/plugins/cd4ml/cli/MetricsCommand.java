package io.jenkins.plugins.cd4ml.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.data.SideThread;
import io.jenkins.plugins.cd4ml.gates.metrics.EvaluationData;
import io.jenkins.plugins.cd4ml.gates.metrics.MetricsReport;
import io.jenkins.plugins.cd4ml.gates.metrics.PredictionReader;
import io.jenkins.plugins.cd4ml.gates.metrics.PredictionSpec;
import io.jenkins.plugins.cd4ml.gates.metrics.Task;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cd4ml metrics}: model-quality and fairness metrics of one predictions file, with the names
 * and definitions of scikit-learn 1.2.1 and Fairlearn. Several evaluations of the same file (say a
 * classifier's score and a regressor's value side by side) are computed from one read when
 * {@code --task …} is repeated.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Compute model-quality and fairness metrics of a predictions file (CSV or JSON Lines).",
                "Binary: the predicted class is the score against --threshold when given, else the --prediction"
                        + " column, else the score against 0.5.",
                "Repeat --task with its own --label/--score/--prediction to evaluate several columns of the file"
                        + " in one read; the JSON then lists one report per --task under \"evaluations\"."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:metrics computed", "2:usage error", "3:could not evaluate (bad or missing input)"})
final class MetricsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--predictions", required = true, paramLabel = "FILE", description = "Predictions file.")
    Path predictions;

    @ArgGroup(exclusive = false, multiplicity = "1..*")
    List<Evaluation> evaluations;

    @Option(names = "--sensitive", paramLabel = "COL", split = ",",
            description = "Sensitive column(s) for fairness metrics; several are intersected.")
    List<String> sensitive = List.of();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    OutputFormat format;

    /** One evaluation: a task and the columns it reads. */
    static final class Evaluation {
        @Option(names = "--task", required = true, paramLabel = "TASK", converter = TaskConverter.class,
                description = "binary, multiclass or regression; repeat for several evaluations in one read.")
        Task task;

        @Option(names = "--label", required = true, paramLabel = "COL", description = "Column of the true label/value.")
        String label;

        @Option(names = "--score", paramLabel = "COL",
                description = "Column of the positive class's score or probability (binary).")
        String score;

        @Option(names = "--prediction", paramLabel = "COL", description = "Column of the predicted class or value.")
        String prediction;

        @Option(names = "--positive-label", paramLabel = "V", defaultValue = "1",
                description = "The positive class of a binary task (default: ${DEFAULT-VALUE}).")
        String positiveLabel;

        @Option(names = "--threshold", paramLabel = "T",
                description = "Decision threshold on the score (default 0.5 when no --prediction column is given).")
        Double threshold;

        PredictionSpec columns(List<String> sensitive) {
            return new PredictionSpec(task, label, score, prediction, positiveLabel, threshold, sensitive, null, null,
                    null);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (format != OutputFormat.text && format != OutputFormat.json) {
            throw new ParameterException(spec.commandLine(), "--format: expected text or json but found " + format);
        }
        List<PredictionSpec> specs = new ArrayList<>();
        for (Evaluation evaluation : evaluations) {
            specs.add(evaluation.columns(sensitive));
        }
        List<EvaluationData> data = PredictionReader.readAll(predictions, specs);
        List<MetricsReport> reports = summarize(data);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.mapper().writeValueAsString(reports.size() == 1 ? reports.get(0).toJson() : together(reports)));
        } else {
            reports.forEach(report -> out.print(report.toText()));
        }
        out.flush(); // print() does not flush, and main() exits right after
        return ExitCodes.PASSED;
    }

    /** Summarizes each evaluation, the later ones on threads of their own (they share nothing). */
    private List<MetricsReport> summarize(List<EvaluationData> data) {
        MetricsReport[] reports = new MetricsReport[data.size()];
        List<SideThread> others = new ArrayList<>();
        for (int i = 1; i < data.size(); i++) {
            int index = i;
            others.add(SideThread.start("cd4ml-summary-" + i, () -> reports[index] = MetricsReport.of(data.get(index),
                    sensitive)));
        }
        reports[0] = MetricsReport.of(data.get(0), sensitive);
        others.forEach(SideThread::await);
        return List.of(reports);
    }

    /** Several reports: each in full, in the order of the {@code --task} options. */
    private static ObjectNode together(List<MetricsReport> reports) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("schemaVersion", Json.SCHEMA_VERSION);
        root.put("source", reports.get(0).source());
        ArrayNode list = root.putArray("evaluations");
        reports.forEach(report -> list.add(report.toJson()));
        return root;
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
