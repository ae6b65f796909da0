package io.jenkins.plugins.cd4ml.gates.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A predictions file read in parts on several threads, joined, is exactly the file read whole:
 * same columns, same category and class dictionaries in order of first appearance, same errors.
 * Cells are read column by column within a block, and the error is still the first one a
 * row-by-row read meets.
 */
class PredictionReaderPartsTest {
    private static final int WHOLE = 1;
    private static final List<String> GROUPS = List.of("group", "region");

    @TempDir
    Path dir;

    @Test
    void binaryAndRegressionInPartsAreTheWholeRead() throws Exception {
        Path file = write("p.csv", binaryAndRegression(8000, new Random(7))); // about 600 kB
        List<PredictionSpec> specs = List.of(
                new PredictionSpec(Task.BINARY, "label", "score", null, "yes", null, GROUPS, "base_score", null, "id"),
                new PredictionSpec(Task.BINARY, "label", null, "predicted", "yes", null, GROUPS, null, null, null),
                new PredictionSpec(Task.REGRESSION, "target", null, "value", null, null, List.of("group"), null, null,
                        null));

        List<EvaluationData> whole = PredictionReader.readAll(file, specs, WHOLE, Long.MAX_VALUE);
        List<EvaluationData> parts = PredictionReader.readInParts(file, specs, 2, 180_000); // parts of two blocks or more

        assertThat(parts).as("read in parts").hasSize(3);
        for (int s = 0; s < specs.size(); s++) {
            assertSameData(parts.get(s), whole.get(s));
        }
        // and in many small parts, read by fewer threads
        List<EvaluationData> small = PredictionReader.readInParts(file, specs, 3, 4096);
        for (int s = 0; s < specs.size(); s++) {
            assertSameData(small.get(s), whole.get(s));
        }
        // a group first seen in the last part keeps its place in the dictionary
        assertThat(parts.get(0).categorical().get("region").values()).containsExactly("north", "south", "(missing)",
                "late");
        assertThat(parts.get(0).size()).isEqualTo(8000);
    }

    @Test
    void multiclassInPartsCodesClassesInOrderOfFirstAppearance() throws Exception {
        StringBuilder text = new StringBuilder("label,predicted\n");
        Random random = new Random(3);
        for (int i = 0; i < 3000; i++) {
            String[] classes = i < 2500 ? new String[] {"cat", "dog"} : new String[] {"emu", "cat", "fox"};
            text.append(classes[random.nextInt(classes.length)]).append(',')
                    .append(classes[random.nextInt(classes.length)]).append('\n');
        }
        Path file = write("m.csv", text.toString());
        List<PredictionSpec> specs = List.of(
                new PredictionSpec(Task.MULTICLASS, "label", null, "predicted", null, null, List.of(), null, null, null));

        EvaluationData whole = PredictionReader.readAll(file, specs, WHOLE, Long.MAX_VALUE).get(0);
        EvaluationData parts = PredictionReader.readInParts(file, specs, 3, 4096).get(0);

        assertSameData(parts, whole);
        List<String> classes = ((MulticlassPredictions) parts.candidate()).classes();
        assertThat(classes.subList(0, 2)).containsExactlyInAnyOrder("cat", "dog");
        assertThat(classes.subList(2, 4)).as("first seen in the last part").containsExactlyInAnyOrder("emu", "fox");
    }

    @Test
    void aThirdClassInALaterPartIsReportedWhereTheWholeReadMeetsIt() throws Exception {
        StringBuilder text = new StringBuilder("label,score\n");
        for (int i = 0; i < 3000; i++) {
            text.append(i % 2 == 0 ? "1" : i < 2000 ? "0" : "2").append(",0.5\n");
        }

        assertPartsGiveWayToTheWholeRead(write("third.csv", text.toString()), 3,
                "third.csv:2003", "a third class '2' in the label");
    }

    @Test
    void aBadCellInALaterPartIsReportedAtItsLine() throws Exception {
        StringBuilder text = new StringBuilder("label,score\n");
        for (int i = 0; i < 3000; i++) {
            text.append(i % 2).append(i == 2700 ? ",high\n" : ",0.25\n");
        }

        assertPartsGiveWayToTheWholeRead(write("bad.csv", text.toString()), 4,
                "bad.csv:2702:2", "'high' is not a finite number");
    }

    /** Parts cannot be joined (or a later one failed): the file is read whole, with its exact error. */
    private static void assertPartsGiveWayToTheWholeRead(Path file, int parts, String location, String problem)
            throws InvalidInputException {
        List<PredictionSpec> specs = List.of(binary("label", "score"));
        String wholeError = errorOf(file, specs, WHOLE, Long.MAX_VALUE);

        assertThat(wholeError).contains(location).contains(problem);
        assertThat(PredictionReader.readInParts(file, specs, parts, 2048)).as("read whole instead").isNull();
        assertThat(errorOf(file, specs, parts, 2048)).isEqualTo(wholeError);
    }

    @Test
    void theEarliestRowFailsFirstWhicheverColumnItIsIn() throws Exception {
        // row 2 has a bad score, row 4 a bad label: reading the label column first must not win
        Path file = write("order.csv", "label,score\n1,0.5\n0,oops\n1,0.5\nmaybe,0.5\n");

        assertThat(errorOf(file, List.of(binary("label", "score")), WHOLE, Long.MAX_VALUE))
                .contains("order.csv:3:2").contains("'oops'");
    }

    @Test
    void inOneRowTheColumnReadFirstFailsFirst() throws Exception {
        Path file = write("row.csv", "label,score\n1,0.5\n0,0.5\nmaybe,oops\n");

        assertThat(errorOf(file, List.of(binary("label", "score")), WHOLE, Long.MAX_VALUE))
                .contains("row.csv:4:1").contains("a third class 'maybe'");
    }

    private static PredictionSpec binary(String label, String score) {
        return new PredictionSpec(Task.BINARY, label, score, null, "1", null, List.of(), null, null, null);
    }

    private static String errorOf(Path file, List<PredictionSpec> specs, int parts, long minPartBytes) {
        try {
            PredictionReader.readAll(file, specs, parts, minPartBytes);
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected " + file + " to be refused");
    }

    private static String binaryAndRegression(int rows, Random random) {
        StringBuilder text = new StringBuilder("id,group,region,label,score,base_score,predicted,target,value\n");
        for (int i = 0; i < rows; i++) {
            String region = i > rows - 50 ? "late" : random.nextInt(10) == 0 ? "" : random.nextBoolean() ? "north" : "south";
            text.append("r").append(i).append(',')
                    .append((char) ('A' + random.nextInt(3))).append(',')
                    .append(region).append(',')
                    .append(random.nextBoolean() ? "yes" : "no").append(',')
                    .append(String.format(Locale.ROOT, "%.6f", random.nextDouble())).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", random.nextDouble())).append(',')
                    .append(random.nextBoolean() ? "yes" : "no").append(',')
                    .append(String.format(Locale.ROOT, "%.4f", random.nextGaussian() * 10)).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", random.nextGaussian() * 10)).append('\n');
        }
        return text.toString();
    }

    private static void assertSameData(EvaluationData actual, EvaluationData expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertSamePredictions(actual.candidate(), expected.candidate());
        if (expected.baseline() == null) {
            assertThat(actual.baseline()).isNull();
        } else {
            assertSamePredictions(actual.baseline(), expected.baseline());
        }
        assertThat(actual.categorical().keySet()).containsExactlyElementsOf(expected.categorical().keySet());
        expected.categorical().forEach((name, column) -> {
            assertThat(actual.categorical().get(name).values()).as(name).isEqualTo(column.values());
            assertThat(actual.categorical().get(name).codes()).as(name).isEqualTo(column.codes());
        });
        assertThat(actual.ids()).isEqualTo(expected.ids());
    }

    private static void assertSamePredictions(ModelPredictions actual, ModelPredictions expected) {
        assertThat(actual).hasSameClassAs(expected);
        if (expected instanceof BinaryPredictions b) {
            BinaryPredictions a = (BinaryPredictions) actual;
            assertThat(a.actual()).isEqualTo(b.actual());
            assertThat(a.predicted()).isEqualTo(b.predicted());
            assertThat(a.score()).isEqualTo(b.score());
        } else if (expected instanceof MulticlassPredictions m) {
            MulticlassPredictions a = (MulticlassPredictions) actual;
            assertThat(a.classes()).isEqualTo(m.classes());
            assertThat(a.actual()).isEqualTo(m.actual());
            assertThat(a.predicted()).isEqualTo(m.predicted());
        } else {
            RegressionPredictions r = (RegressionPredictions) expected;
            RegressionPredictions a = (RegressionPredictions) actual;
            assertThat(a.actual()).isEqualTo(r.actual());
            assertThat(a.predicted()).isEqualTo(r.predicted());
        }
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
