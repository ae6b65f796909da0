package io.jenkins.plugins.cd4ml.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Runs the data and model commands once each, in one JVM, on tiny generated files, so that the
 * build can archive the classes they load ({@code -XX:ArchiveClassesAtExit}, class data sharing):
 * with the archive, the {@code cd4ml} launcher starts a command about 0.4 s sooner, since loading
 * and verifying picocli's and Jackson's classes from the jar was a tenth of a ten-million-row run.
 * What the commands print is discarded; only that they load their classes matters.
 */
public final class StartupArchiveTraining {
    private StartupArchiveTraining() {
    }

    /**
     * Runs the commands.
     *
     * @param args ignored
     * @throws IOException when the temporary files cannot be written
     */
    public static void main(String... args) throws IOException {
        Path dir = Files.createTempDirectory("cd4ml-archive-training");
        try {
            Path predictions = write(dir.resolve("predictions.csv"), predictions());
            Path data = write(dir.resolve("data.csv"), dataset());
            Path gates = write(dir.resolve("gates.yaml"), String.join("\n",
                    "task: binary",
                    "columns: {label: label, score: score, prediction: prediction}",
                    "sensitive: [group]",
                    "bootstrap: {resamples: 20, confidence: 0.95, seed: 1}",
                    "gates:",
                    "  - {metric: roc_auc, threshold: 0.5, max_regression: 0.05}",
                    "  - {metric: accuracy, threshold: 0.5}",
                    "  - {metric: demographic_parity_ratio, threshold: 0.5}", ""));
            Path expectations = dir.resolve("expectations.yaml");
            String p = predictions.toString();
            List<String[]> runs = List.of(
                    new String[] {"metrics", "--predictions", p, "--sensitive", "group", "--format", "json",
                        "--task", "binary", "--label", "label", "--score", "score",
                        "--task", "regression", "--label", "target", "--prediction", "value"},
                    new String[] {"metrics", "--predictions", p, "--task", "binary", "--label", "label", "--score",
                        "score", "--sensitive", "group", "--format", "text"},
                    new String[] {"gate", "--predictions", p, "--gates", gates.toString(), "--baseline-predictions", p,
                        "--baseline-version", "self", "--format", "json"},
                    new String[] {"validate", "--data", data.toString(), "--suggest", "--expectations",
                        expectations.toString()},
                    new String[] {"validate", "--data", data.toString(), "--expectations", expectations.toString(),
                        "--format", "json"},
                    new String[] {"drift", "--baseline", data.toString(), "--current", data.toString(), "--format",
                        "json"},
                    new String[] {"profile", "--data", data.toString(), "--output",
                        dir.resolve("profile.json").toString()});
            PrintWriter discard = new PrintWriter(Writer.nullWriter());
            for (String[] run : runs) {
                Cd4mlCommand.run(discard, discard, run);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String predictions() {
        Random random = new Random(1);
        StringBuilder text = new StringBuilder("id,group,label,score,prediction,target,value\n");
        for (int i = 0; i < 400; i++) {
            int label = random.nextInt(2);
            double score = Math.min(1, Math.max(0, 0.3 * label + 0.7 * random.nextDouble()));
            double target = 10 * random.nextGaussian();
            text.append(i).append(',').append("ABC".charAt(random.nextInt(3))).append(',').append(label).append(',')
                    .append(String.format(Locale.ROOT, "%.6f,%d,%.4f,%.4f%n", score, score >= 0.5 ? 1 : 0, target,
                            target + random.nextGaussian()));
        }
        return text.toString();
    }

    private static String dataset() {
        Random random = new Random(2);
        StringBuilder text = new StringBuilder("id,age,income,kind,day,approved\n");
        for (int i = 0; i < 400; i++) {
            text.append(i).append(',').append(18 + random.nextInt(60)).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", 20000 + 50000 * random.nextDouble())).append(',')
                    .append(List.of("rent", "own", "other").get(random.nextInt(3))).append(',')
                    .append(String.format(Locale.ROOT, "2026-%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .append(',').append(random.nextInt(2)).append('\n');
        }
        return text.toString();
    }
}
