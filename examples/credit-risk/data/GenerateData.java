import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the small, deterministic credit-risk example datasets (train.csv, eval.csv) next to this
 * file. Run from the repository root: java examples/credit-risk/data/GenerateData.java
 * The committed CSVs are its output; rerunning reproduces them byte for byte.
 */
public class GenerateData {
    private static final String[] OWNERSHIP = {"rent", "mortgage", "own"};
    private static final String[] PURPOSE = {"car", "education", "home_improvement", "debt_consolidation", "business"};
    private static final String[] SEX = {"female", "male"};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("examples/credit-risk/data");
        write(dir.resolve("train.csv"), 400, 1, new Random(20261128L));
        write(dir.resolve("eval.csv"), 150, 401, new Random(20261129L));
    }

    private static void write(Path file, int rows, int firstId, Random random) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.print("id,age,income,debt_ratio,employment_years,home_ownership,purpose,sex,approved\n");
            for (int i = 0; i < rows; i++) {
                int age = 21 + (int) Math.round(Math.abs(random.nextGaussian()) * 14 + random.nextInt(8));
                age = Math.min(age, 75);
                double income = Math.round(Math.exp(10.6 + 0.45 * random.nextGaussian()) / 10) * 10.0;
                double debtRatio = Math.min(0.95, Math.max(0.01, 0.32 + 0.15 * random.nextGaussian()));
                int employment = Math.max(0, Math.min(age - 18, (int) Math.round(random.nextDouble() * (age - 18))));
                String ownership = OWNERSHIP[random.nextInt(OWNERSHIP.length)];
                String purpose = PURPOSE[random.nextInt(PURPOSE.length)];
                String sex = SEX[random.nextInt(SEX.length)];
                double score = -1.2 + 0.00002 * income - 3.0 * debtRatio + 0.05 * employment
                        + ("own".equals(ownership) ? 0.4 : 0) + random.nextGaussian() * 0.8;
                int approved = score > 0 ? 1 : 0;
                // a few missing incomes, as in real applications
                String incomeText = random.nextInt(100) == 0 ? "" : String.format(Locale.ROOT, "%.2f", income);
                out.printf(Locale.ROOT, "%d,%d,%s,%.3f,%d,%s,%s,%s,%d%n", firstId + i, age, incomeText, debtRatio,
                        employment, ownership, purpose, sex, approved);
            }
        }
    }
}
