import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.nio.file.Path;

/**
 * The "single-pass parse" floor of the data-validation benchmark: one JVM thread reads the CSV
 * with FastCSV and parses every numeric field, doing nothing else.
 * Run: java -cp cli/target/cd4ml.jar bench/ParseFloor.java FILE
 */
public class ParseFloor {
    public static void main(String[] args) throws Exception {
        int[] numeric = {0, 3, 4, 5, 6, 7, 8, 9, 16, 17, 18, 19, 20, 21};
        long rows = 0;
        double sum = 0;
        long start = System.nanoTime();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(Path.of(args[0]))) {
            boolean header = true;
            for (CsvRecord record : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                rows++;
                for (int column : numeric) {
                    String field = record.getField(column);
                    if (!field.isEmpty()) {
                        sum += Double.parseDouble(field);
                    }
                }
            }
        }
        System.out.printf("{\"rows\": %d, \"seconds\": %.3f, \"checksum\": %.6g}%n", rows,
                (System.nanoTime() - start) / 1e9, sum);
    }
}
