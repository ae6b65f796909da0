package io.jenkins.plugins.cd4ml.examples.creditrisk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The example project's training command. Trains a logistic regression with Tribuo on a CSV file,
 * writes the model in the portable {@code cd4ml-linear-model} format, and scores the evaluation file
 * into a predictions CSV that the quality gates read.
 *
 * <pre>
 * java -jar credit-risk-trainer.jar --train data/train.csv --eval data/eval.csv \
 *      --label approved --id id --exclude sex --keep sex --out out
 * </pre>
 * Writes {@code out/model/model.json}, {@code out/predictions.csv} (id, label, score, prediction and
 * kept columns) and {@code out/metrics.json}.
 */
public final class TrainCreditRiskModel {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainCreditRiskModel() {
    }

    /** The command line, parsed. */
    record Options(Path train, Path eval, String label, String id, Set<String> exclude, List<String> keep,
            Path out, String positiveLabel) {
        static Options parse(String... args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value pairs but found '" + args[i] + "'");
                }
                values.put(args[i].substring(2), args[++i]);
            }
            for (String required : List.of("train", "eval", "label", "out")) {
                if (!values.containsKey(required)) {
                    throw new IllegalArgumentException("missing --" + required);
                }
            }
            return new Options(Path.of(values.get("train")), Path.of(values.get("eval")), values.get("label"),
                    values.getOrDefault("id", ""), csvSet(values.get("exclude")),
                    List.copyOf(csvSet(values.get("keep"))), Path.of(values.get("out")),
                    values.getOrDefault("positive-label", "1"));
        }

        private static Set<String> csvSet(String text) {
            return text == null || text.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(text.split(",")));
        }
    }

    /** A CSV file held in memory: the example's data is small. */
    record Table(List<String> header, List<List<String>> rows) {
        static Table read(Path file) {
            try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
                List<String> header = null;
                List<List<String>> rows = new ArrayList<>();
                for (CsvRecord record : csv) {
                    if (header == null) {
                        header = record.getFields();
                    } else {
                        rows.add(record.getFields());
                    }
                }
                if (header == null || rows.isEmpty()) {
                    throw new IllegalArgumentException(file + ": no data rows");
                }
                return new Table(header, rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int column(String name) {
            int index = header.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("no column '" + name + "' in " + header);
            }
            return index;
        }

        Map<String, String> row(int i) {
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), rows.get(i).get(c));
            }
            return row;
        }
    }

    /**
     * Entry point.
     *
     * @param args see the class documentation
     * @throws IOException when an output cannot be written
     */
    public static void main(String... args) throws IOException {
        Options options = Options.parse(args);
        Table train = Table.read(options.train());
        Table eval = Table.read(options.eval());
        LinearModel model = train(train, options);
        Files.createDirectories(options.out().resolve("model"));
        JSON.writeValue(options.out().resolve("model/model.json").toFile(), model);
        double accuracy = writePredictions(model, eval, options);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", accuracy);
        metrics.put("rows", eval.rows().size());
        JSON.writeValue(options.out().resolve("metrics.json").toFile(), metrics);
        System.out.printf(Locale.ROOT, "trained on %d rows; eval accuracy %.4f; model %s%n",
                train.rows().size(), accuracy, options.out().resolve("model/model.json"));
    }

    static LinearModel train(Table table, Options options) {
        int labelColumn = table.column(options.label());
        List<String> numeric = new ArrayList<>();
        List<String> categorical = new ArrayList<>();
        for (String name : table.header()) {
            if (name.equals(options.label()) || name.equals(options.id()) || options.exclude().contains(name)) {
                continue;
            }
            (isNumeric(table, table.column(name)) ? numeric : categorical).add(name);
        }
        Map<String, double[]> moments = new LinkedHashMap<>();
        for (String name : numeric) {
            moments.put(name, meanAndScale(table, table.column(name)));
        }
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(options.train().toString(), labels), labels);
        for (int i = 0; i < table.rows().size(); i++) {
            dataset.add(example(table.row(i), table.rows().get(i).get(labelColumn), numeric, moments, categorical));
        }
        LinearSGDModel trained = new LogisticRegressionTrainer().train(dataset);
        return export(trained, numeric, moments, categorical, table, options.positiveLabel());
    }

    private static Example<Label> example(Map<String, String> row, String label, List<String> numeric,
            Map<String, double[]> moments, List<String> categorical) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String name : numeric) {
            double[] m = moments.get(name);
            String text = row.get(name);
            double x = text == null || text.isEmpty() ? m[0] : Double.parseDouble(text);
            names.add(name);
            values.add((x - m[0]) / m[1]);
        }
        for (String name : categorical) {
            names.add(name + "=" + row.get(name));
            values.add(1.0);
        }
        return new ArrayExample<>(new Label(label), names.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Tribuo's binary logistic model is a 2-class softmax: P(1) = sigmoid((w1 - w0)·x + (b1 - b0)).
     * Standardisation is folded into raw-scale coefficients so the served model needs no scaler.
     */
    private static LinearModel export(LinearSGDModel trained, List<String> numeric, Map<String, double[]> moments,
            List<String> categorical, Table table, String positiveLabel) {
        DenseMatrix weights = trained.getWeightsCopy();
        int positive = trained.getOutputIDInfo().getID(new Label(positiveLabel));
        if (positive < 0) {
            throw new IllegalArgumentException("the positive label '" + positiveLabel + "' never occurs in training");
        }
        int negative = 1 - positive;
        int bias = weights.getDimension2Size() - 1;
        double intercept = weights.get(positive, bias) - weights.get(negative, bias);
        Map<String, Double> coefficients = new LinkedHashMap<>();
        Map<String, Double> imputation = new LinkedHashMap<>();
        for (String name : numeric) {
            double[] m = moments.get(name);
            double standardised = difference(trained, weights, name, positive, negative);
            coefficients.put(name, standardised / m[1]);
            intercept -= standardised * m[0] / m[1];
            imputation.put(name, m[0]);
        }
        for (String name : categorical) {
            int column = table.column(name);
            Set<String> values = new java.util.TreeSet<>();
            table.rows().forEach(row -> values.add(row.get(column)));
            for (String value : values) {
                coefficients.put(name + "=" + value, difference(trained, weights, name + "=" + value, positive,
                        negative));
            }
        }
        return new LinearModel(LinearModel.FORMAT, 1, "logistic", intercept, coefficients, 0.5, imputation);
    }

    private static double difference(LinearSGDModel trained, DenseMatrix weights, String feature, int positive,
            int negative) {
        var info = trained.getFeatureIDMap().get(feature);
        if (info == null) {
            return 0.0;
        }
        return weights.get(positive, info.getID()) - weights.get(negative, info.getID());
    }

    private static double writePredictions(LinearModel model, Table eval, Options options) throws IOException {
        int labelColumn = eval.column(options.label());
        int correct = 0;
        try (CsvWriter csv = CsvWriter.builder().build(options.out().resolve("predictions.csv"))) {
            List<String> header = new ArrayList<>();
            if (!options.id().isEmpty()) {
                header.add(options.id());
            }
            header.addAll(List.of("label", "score", "prediction"));
            header.addAll(options.keep());
            csv.writeRecord(header);
            for (int i = 0; i < eval.rows().size(); i++) {
                Map<String, String> row = eval.row(i);
                double p = model.probability(row);
                String prediction = p >= model.threshold() ? options.positiveLabel() : negativeLabel(eval, labelColumn,
                        options.positiveLabel());
                String label = eval.rows().get(i).get(labelColumn);
                correct += prediction.equals(label) ? 1 : 0;
                List<String> out = new ArrayList<>();
                if (!options.id().isEmpty()) {
                    out.add(row.get(options.id()));
                }
                out.addAll(List.of(label, Double.toString(p), prediction));
                options.keep().forEach(column -> out.add(row.get(column)));
                csv.writeRecord(out);
            }
        }
        return (double) correct / eval.rows().size();
    }

    private static String negativeLabel(Table table, int labelColumn, String positiveLabel) {
        return table.rows().stream().map(row -> row.get(labelColumn)).filter(label -> !label.equals(positiveLabel))
                .findFirst().orElse("0");
    }

    private static boolean isNumeric(Table table, int column) {
        for (List<String> row : table.rows()) {
            String text = row.get(column);
            if (!text.isEmpty()) {
                try {
                    Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] meanAndScale(Table table, int column) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (List<String> row : table.rows()) {
            if (!row.get(column).isEmpty()) {
                double x = Double.parseDouble(row.get(column));
                sum += x;
                squares += x * x;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double variance = n < 2 ? 0 : (squares - n * mean * mean) / (n - 1);
        return new double[] {mean, variance > 1e-12 ? Math.sqrt(variance) : 1.0};
    }
}
