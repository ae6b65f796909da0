package io.jenkins.plugins.cd4ml.examples.creditrisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCreditRiskModelTest {
    @TempDir
    Path dir;

    /** Labels follow income - debt with noise: a linear model must learn it well. */
    private Path write(String name, int rows, long seed) throws Exception {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("id,income,debt,home,sex,approved\n");
        for (int i = 0; i < rows; i++) {
            double income = 20 + random.nextDouble() * 80;
            double debt = random.nextDouble() * 60;
            String home = random.nextBoolean() ? "OWN" : "RENT";
            double z = (income - debt - 30) / 10 + (home.equals("OWN") ? 1 : 0) + random.nextGaussian() * 0.3;
            csv.append(i).append(',').append(String.format(java.util.Locale.ROOT, "%.2f", income)).append(',')
                    .append(i % 17 == 0 ? "" : String.format(java.util.Locale.ROOT, "%.2f", debt)).append(',')
                    .append(home).append(',').append(random.nextBoolean() ? "F" : "M").append(',')
                    .append(z > 0 ? 1 : 0).append('\n');
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void trainsAModelWhoseExportedFormReproducesTheLearnedDecisions() throws Exception {
        Path train = write("train.csv", 600, 1);
        Path eval = write("eval.csv", 300, 2);
        Path out = dir.resolve("out");
        TrainCreditRiskModel.main("--train", train.toString(), "--eval", eval.toString(), "--label", "approved",
                "--id", "id", "--exclude", "sex", "--keep", "sex", "--out", out.toString());

        LinearModel model = new ObjectMapper().readValue(out.resolve("model/model.json").toFile(), LinearModel.class);
        assertThat(model.format()).isEqualTo(LinearModel.FORMAT);
        assertThat(model.coefficients()).containsOnlyKeys("income", "debt", "home=OWN", "home=RENT");
        assertThat(model.coefficients().get("income")).as("income raises approval").isPositive();
        assertThat(model.coefficients().get("debt")).as("debt lowers approval").isNegative();
        assertThat(model.coefficients().get("home=OWN")).isGreaterThan(model.coefficients().get("home=RENT"));

        List<String> lines = Files.readAllLines(out.resolve("predictions.csv"));
        assertThat(lines.get(0)).isEqualTo("id,label,score,prediction,sex");
        assertThat(lines).hasSize(301);
        double accuracy = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("accuracy").asDouble();
        assertThat(accuracy).isGreaterThan(0.85);
    }
}
