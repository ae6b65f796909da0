package io.jenkins.plugins.cd4ml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code cd4ml metrics} end to end on the scikit-learn reference vectors and on bad input. */
class MetricsCommandTest {
    /** The vectors copied into quality-gates' test resources (one copy in the repository). */
    private static final Path VECTORS = Path.of("../quality-gates/src/test/resources/metrics-vectors");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cd4mlCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    static Stream<Path> folders() throws IOException {
        try (Stream<Path> list = Files.list(VECTORS)) {
            return list.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("folders")
    void printsEveryNumberOfTheReferenceAtTheSamePath(Path folder) throws Exception {
        JsonNode expected = Json.mapper().readTree(folder.resolve("expected.json").toFile());
        List<String> args = new ArrayList<>(List.of("metrics", "--predictions", folder.resolve("predictions.csv").toString(),
                "--task", expected.get("task").asText(), "--label", expected.get("label_column").asText(),
                "--format", "json"));
        addOption(args, "--score", expected.get("score_column"));
        addOption(args, "--prediction", expected.get("prediction_column"));
        addOption(args, "--sensitive", expected.get("sensitive_column"));
        addOption(args, "--positive-label", expected.get("positive_label"));
        addOption(args, "--threshold", expected.get("threshold"));

        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();

        JsonNode report = Json.mapper().readTree(out.toString());
        assertThat(report.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        SoftAssertions softly = new SoftAssertions();
        List<String> compared = new ArrayList<>();
        compare("", expected, report.get("metrics"), softly, compared);
        softly.assertAll();
        assertThat(compared).hasSizeGreaterThanOrEqualTo(6);
    }

    /** Repeating --task evaluates several columns in one read, each exactly as its own run does. */
    @Test
    void severalTasksInOneReadEqualSeparateRuns() throws Exception {
        StringBuilder csv = new StringBuilder("id,group,label,proba,target,value\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            int label = random.nextInt(2);
            double target = 50 + 10 * random.nextGaussian();
            csv.append(i).append(',').append("ABC".charAt(random.nextInt(3))).append(',').append(label).append(',')
                    .append(Math.round((0.3 + 0.4 * label + 0.3 * random.nextDouble()) * 1e4) / 1e4).append(',')
                    .append(target).append(',').append(target + random.nextGaussian()).append('\n');
        }
        Path file = Files.writeString(dir.resolve("both.csv"), csv);
        String[] binary = {"--task", "binary", "--label", "label", "--score", "proba", "--threshold", "0.6"};
        String[] regression = {"--label", "target", "--task", "regression", "--prediction", "value"};

        JsonNode together = metricsJson(file, binary, regression);
        JsonNode alone = metricsJson(file, binary);
        JsonNode regressionAlone = metricsJson(file, regression);

        assertThat(together.get("schemaVersion").asText()).isEqualTo(Json.SCHEMA_VERSION);
        assertThat(together.get("evaluations")).hasSize(2);
        assertThat(together.get("evaluations").get(0)).isEqualTo(alone);
        assertThat(together.get("evaluations").get(1)).isEqualTo(regressionAlone);
        assertThat(alone.at("/metrics/threshold").asDouble()).isEqualTo(0.6); // options stay with their --task
        assertThat(regressionAlone.at("/metrics/mae_by_group").size()).isEqualTo(3);
    }

    private JsonNode metricsJson(Path file, String[]... evaluations) throws IOException {
        List<String> args = new ArrayList<>(List.of("metrics", "--predictions", file.toString(), "--sensitive", "group",
                "--format", "json"));
        for (String[] evaluation : evaluations) {
            args.addAll(List.of(evaluation));
        }
        out.getBuffer().setLength(0);
        assertThat(run(args.toArray(String[]::new))).as(err.toString()).isZero();
        return Json.mapper().readTree(out.toString());
    }

    @Test
    void textFormatNamesTheMetrics() {
        Path folder = VECTORS.resolve("binary-balanced");
        assertThat(run("metrics", "--predictions", folder.resolve("predictions.csv").toString(), "--task", "binary",
                "--label", "label", "--score", "score", "--sensitive", "group")).isZero();
        assertThat(out.toString()).contains("roc_auc", "0.893254", "demographic_parity_ratio");
    }

    @Test
    void aMissingColumnIsExitThreeWithItsLocation() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), "label,score\n1,0.5\n");
        assertThat(run("metrics", "--predictions", file.toString(), "--task", "binary", "--label", "label",
                "--score", "proba", "--format", "json")).isEqualTo(3);
        assertThat(err.toString()).contains("p.csv:1").contains("missing column 'proba'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aNonNumericScoreIsExitThreeWithLineAndColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), "label,score\n1,0.5\n0,abc\n");
        assertThat(run("metrics", "--predictions", file.toString(), "--task", "binary", "--label", "label",
                "--score", "score")).isEqualTo(3);
        assertThat(err.toString()).contains("p.csv:3:2").contains("'abc' is not a finite number");
    }

    @Test
    void nanIsExitThree() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), "label,score\n1,0.5\n0,NaN\n");
        assertThat(run("metrics", "--predictions", file.toString(), "--task", "binary", "--label", "label",
                "--score", "score")).isEqualTo(3);
        assertThat(err.toString()).contains("p.csv:3:2").contains("'NaN'");
    }

    @Test
    void anEmptyFileIsExitThree() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), "");
        assertThat(run("metrics", "--predictions", file.toString(), "--task", "regression", "--label", "y",
                "--prediction", "yhat")).isEqualTo(3);
        assertThat(err.toString()).contains("p.csv").contains("empty");
    }

    @Test
    void aThirdClassInABinaryTaskIsExitThree() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), "label,score\n1,0.5\n0,0.2\n2,0.1\n");
        assertThat(run("metrics", "--predictions", file.toString(), "--task", "binary", "--label", "label",
                "--score", "score")).isEqualTo(3);
        assertThat(err.toString()).contains("p.csv:4:1").contains("third class '2'");
    }

    @Test
    void anUnknownTaskIsAUsageError() {
        assertThat(run("metrics", "--predictions", "x.csv", "--task", "ranking", "--label", "y")).isEqualTo(2);
    }

    private static void addOption(List<String> args, String option, JsonNode value) {
        if (value != null && !value.isNull()) {
            args.add(option);
            args.add(value.asText());
        }
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, SoftAssertions softly,
            List<String> compared) {
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(path + "/" + field.getKey(), field.getValue(),
                        actual == null ? null : actual.get(field.getKey()), softly, compared);
            }
        } else if (expected.isNumber()) {
            compared.add(path);
            softly.assertThat(actual).as(path).isNotNull();
            if (actual != null) {
                double want = expected.asDouble();
                softly.assertThat(actual.isNumber()).as(path + " is a number").isTrue();
                softly.assertThat(Math.abs(actual.asDouble() - want)).as(path + ": " + actual + " vs " + want)
                        .isLessThanOrEqualTo(1e-9 * Math.max(Math.abs(want), Double.MIN_NORMAL));
            }
        }
    }
}
