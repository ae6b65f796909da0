package io.jenkins.plugins.cd4ml.gates.metrics;

import io.jenkins.plugins.cd4ml.data.BlockPipeline;
import io.jenkins.plugins.cd4ml.data.FieldView;
import io.jenkins.plugins.cd4ml.data.InvalidValueException;
import io.jenkins.plugins.cd4ml.data.TextCodes;
import io.jenkins.plugins.cd4ml.data.RowBlock;
import io.jenkins.plugins.cd4ml.data.TableFormat;
import io.jenkins.plugins.cd4ml.data.TableParts;
import io.jenkins.plugins.cd4ml.data.TableReader;
import io.jenkins.plugins.cd4ml.gates.drift.DoubleChunks;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a predictions file (CSV or JSON Lines, streamed through {@link TableReader}) into
 * {@link EvaluationData}. Every bad cell is an {@link InvalidInputException} naming file, line and
 * column: an empty or non-numeric score, NaN or infinite values, a third class in a binary task.
 */
public final class PredictionReader {
    private PredictionReader() {
    }

    /**
     * Reads a file.
     *
     * @param file the predictions file
     * @param spec which columns hold what
     * @return the data (with a baseline when the spec names baseline columns)
     * @throws InvalidInputException for any problem with the file
     */
    public static EvaluationData read(Path file, PredictionSpec spec) throws InvalidInputException {
        return readFile(file, spec);
    }

    /**
     * Reads only the header of a file.
     *
     * @param file the file
     * @return its column names
     * @throws InvalidInputException when the file is missing, empty or its header is malformed
     */
    public static List<String> header(Path file) throws InvalidInputException {
        try (TableReader table = TableReader.open(file)) {
            return table.columns();
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()), "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a baseline model's predictions from a second file with the same column names and joins
     * them to the candidate's rows by the spec's id column, or by row order without one. When the
     * baseline file has the label column, its labels must agree with the candidate's.
     *
     * @param file the baseline predictions file
     * @param candidate the candidate's data
     * @return the candidate's data with this baseline
     * @throws InvalidInputException for any problem with the file or the join
     */
    public static EvaluationData joinBaseline(Path file, EvaluationData candidate) throws InvalidInputException {
        PredictionSpec spec = candidate.spec();
        PredictionSpec baselineSpec = new PredictionSpec(spec.task(), spec.label(), spec.score(), spec.prediction(),
                spec.positiveLabel(), spec.threshold(), List.of(), null, null, spec.id());
        EvaluationData baseline = readFile(file, baselineSpec);
        String source = file.toString();
        int rows = candidate.size();
        if (baseline.size() != rows && spec.id() == null) {
            throw new InvalidInputException(SourceLocation.ofFile(source), "has " + baseline.size()
                    + " rows (expected " + rows + " as in " + candidate.source() + ", joined by row order)");
        }
        int[] order = new int[rows];
        if (spec.id() == null) {
            Arrays.setAll(order, i -> i);
        } else {
            Map<String, Integer> baselineRow = new HashMap<>(baseline.size() * 2);
            for (int i = 0; i < baseline.size(); i++) {
                if (baselineRow.put(baseline.ids()[i], i) != null) {
                    throw new InvalidInputException(SourceLocation.ofFile(source),
                            "duplicate id '" + baseline.ids()[i] + "' (expected unique ids in column '" + spec.id() + "')");
                }
            }
            for (int i = 0; i < rows; i++) {
                Integer at = baselineRow.get(candidate.ids()[i]);
                if (at == null) {
                    throw new InvalidInputException(SourceLocation.ofFile(source), "no row with id '"
                            + candidate.ids()[i] + "' (expected every id of " + candidate.source() + ")");
                }
                order[i] = at;
            }
        }
        return candidate.withBaseline(reorder(baseline.candidate(), candidate.candidate(), order, source));
    }

    private static ModelPredictions reorder(ModelPredictions baseline, ModelPredictions candidate, int[] order,
            String source) throws InvalidInputException {
        int rows = order.length;
        if (candidate instanceof BinaryPredictions c) {
            BinaryPredictions b = (BinaryPredictions) baseline;
            byte[] predicted = new byte[rows];
            double[] score = b.score() == null ? null : new double[rows];
            for (int i = 0; i < rows; i++) {
                requireSameLabel(b.actual()[order[i]] == c.actual()[i], source, order[i]);
                predicted[i] = b.predicted()[order[i]];
                if (score != null) {
                    score[i] = b.score()[order[i]];
                }
            }
            return new BinaryPredictions(c.actual(), predicted, score);
        }
        if (candidate instanceof MulticlassPredictions c) {
            MulticlassPredictions b = (MulticlassPredictions) baseline;
            Map<String, Integer> codes = new LinkedHashMap<>();
            for (int k = 0; k < c.classes().size(); k++) {
                codes.put(c.classes().get(k), k);
            }
            int[] predicted = new int[rows];
            for (int i = 0; i < rows; i++) {
                String actual = b.classes().get(b.actual()[order[i]]);
                requireSameLabel(actual.equals(c.classes().get(c.actual()[i])), source, order[i]);
                String value = b.classes().get(b.predicted()[order[i]]);
                predicted[i] = codes.computeIfAbsent(value, v -> codes.size());
            }
            return new MulticlassPredictions(c.actual(), predicted, List.copyOf(codes.keySet()));
        }
        RegressionPredictions c = (RegressionPredictions) candidate;
        RegressionPredictions b = (RegressionPredictions) baseline;
        double[] predicted = new double[rows];
        for (int i = 0; i < rows; i++) {
            requireSameLabel(b.actual()[order[i]] == c.actual()[i], source, order[i]);
            predicted[i] = b.predicted()[order[i]];
        }
        return new RegressionPredictions(c.actual(), predicted);
    }

    private static void requireSameLabel(boolean same, String source, int baselineRow) throws InvalidInputException {
        if (!same) {
            throw new InvalidInputException(SourceLocation.ofFile(source), "data row " + (baselineRow + 1)
                    + " has a different label than the candidate's row it is joined to"
                    + " (expected both models scored on the same evaluation data)");
        }
    }

    private static EvaluationData readFile(Path file, PredictionSpec spec) throws InvalidInputException {
        return readAll(file, List.of(spec)).get(0);
    }

    /**
     * Reads a file once for several evaluations of it, e.g. a classifier's and a regressor's
     * columns side by side: the file is read and each shared cell parsed by one pass, however many
     * specs there are.
     *
     * @param file the predictions file
     * @param specs which columns hold what, one spec per evaluation
     * @return the data of each spec, in order
     * @throws InvalidInputException for any problem with the file
     */
    public static List<EvaluationData> readAll(Path file, List<PredictionSpec> specs) throws InvalidInputException {
        return readAll(file, specs, TableParts.defaultThreads(), TableParts.MIN_PART_BYTES);
    }

    /** As {@link #readAll(Path, List)}, with parts of a plain CSV file down to {@code minPartBytes}. */
    static List<EvaluationData> readAll(Path file, List<PredictionSpec> specs, int threads, long minPartBytes)
            throws InvalidInputException {
        List<EvaluationData> inParts = readInParts(file, specs, threads, minPartBytes);
        return inParts != null ? inParts : readWhole(file, specs);
    }

    private static List<EvaluationData> readWhole(Path file, List<PredictionSpec> specs) throws InvalidInputException {
        try (TableReader table = TableReader.open(file)) {
            List<SpecColumns> sinks = sinks(table, specs);
            // one thread per evaluation besides the reading one: two evaluations use both cores
            BlockPipeline.run(table, "cd4ml-predictions", sinks.stream()
                    .<BlockPipeline.BlockConsumer>map(sink -> sink::addBlock).toList());
            return finish(sinks, table.source());
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()), "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a plain CSV file's parts at once, all evaluations of a part on its thread, and joins them.
     *
     * @return the data, or {@code null} when the file must be read whole: it is not split (small,
     *     compressed, JSON Lines), a guessed part boundary was inside a quoted field, a later part
     *     failed, or parts met different negative classes (only a whole read names the right line)
     */
    static List<EvaluationData> readInParts(Path file, List<PredictionSpec> specs, int threads, long minPartBytes)
            throws InvalidInputException {
        // planned before the header is read, so a file read whole has its header read once
        Optional<TableParts> parts = TableParts.of(file, TableFormat.detect(file), threads, minPartBytes);
        if (parts.isEmpty()) {
            return null;
        }
        try (TableReader table = TableReader.open(file)) {
            // the first part's columns check every column before anything is read
            List<List<SpecColumns>> partSinks = new ArrayList<>();
            List<TableParts.PartConsumer> consumers = new ArrayList<>();
            for (int k = 0; k < parts.get().count(); k++) {
                List<SpecColumns> sinks = sinks(table, specs);
                partSinks.add(sinks);
                consumers.add(new TableParts.PartConsumer() {
                    @Override
                    public void accept(RowBlock block) throws InvalidInputException {
                        for (SpecColumns sink : sinks) {
                            sink.addBlock(block);
                        }
                    }

                    @Override
                    public void partRead() {
                        sinks.forEach(SpecColumns::trimPart); // many parts are read, few at a time
                    }
                });
            }
            if (!parts.get().read(consumers, "cd4ml-predictions")) {
                return null;
            }
            List<SpecColumns> first = partSinks.get(0);
            for (int s = 0; s < first.size(); s++) {
                List<SpecColumns> later = new ArrayList<>();
                for (int k = 1; k < partSinks.size(); k++) {
                    later.add(partSinks.get(k).set(s, null)); // each spec's parts dropped once joined
                }
                if (!first.get(s).absorb(later)) {
                    return null;
                }
            }
            return finish(first, table.source());
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(file.toString()), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<SpecColumns> sinks(TableReader table, List<PredictionSpec> specs) throws InvalidInputException {
        List<SpecColumns> sinks = new ArrayList<>();
        for (PredictionSpec each : specs) {
            SpecColumns sharing = sinks.stream().filter(s -> s.readsCategories(each)).findFirst().orElse(null);
            sinks.add(new SpecColumns(table, each, sharing));
        }
        return sinks;
    }

    private static List<EvaluationData> finish(List<SpecColumns> sinks, String source) {
        List<EvaluationData> data = new ArrayList<>();
        for (SpecColumns sink : sinks) {
            data.add(sink.finish(source));
        }
        return data;
    }

    /** The columns one spec reads, filled block by block (one instance per part of a file read in parts). */
    private static final class SpecColumns {
        private final PredictionSpec spec;
        private final int label;
        private final int id;
        private final int[] categorical;
        private final Columns columns;
        private final Outputs candidate;
        private final Outputs baseline;
        private final List<String> ids;
        private final Row row;
        /** An earlier evaluation reading the same sensitive columns: its codes are shared, not recomputed. */
        private final SpecColumns categoriesOf;
        private Map<String, CategoricalColumn> categories;

        /**
         * @param categoriesOf an earlier evaluation with the same categorical columns, whose codes
         *     this one reuses (the grouping cells are then hashed once per row, not once per evaluation)
         */
        SpecColumns(TableReader table, PredictionSpec spec, SpecColumns categoriesOf) throws InvalidInputException {
            this.categoriesOf = categoriesOf;
            this.spec = spec;
            label = table.requireColumn(spec.label());
            int score = optionalColumn(table, spec.score());
            int prediction = optionalColumn(table, spec.prediction());
            int baselineScore = optionalColumn(table, spec.baselineScore());
            int baselinePrediction = optionalColumn(table, spec.baselinePrediction());
            id = optionalColumn(table, spec.id());
            categorical = new int[categoriesOf == null ? spec.categorical().size() : 0];
            for (int c = 0; c < categorical.length; c++) {
                categorical[c] = table.requireColumn(spec.categorical().get(c));
            }
            columns = new Columns(spec, categorical.length);
            candidate = Outputs.create(spec, score, prediction, table.source());
            baseline = spec.hasBaselineColumns()
                    ? Outputs.create(spec, baselineScore, baselinePrediction, table.source()) : null;
            ids = id < 0 ? null : new ArrayList<>();
            row = new Row(table.source(), table.columns().size());
        }

        /**
         * Adds a block column by column: each loop is small and of one kind, which the JIT compiles
         * quickly and well (one method doing every kind of cell per row took C2 most of a second).
         * A failing cell stops the later columns before its row, so the error thrown is the one a
         * row-by-row read meets first.
         */
        void addBlock(RowBlock block) throws InvalidInputException {
            int first = columns.rows;
            int size = block.size();
            columns.reserve(first + size);
            candidate.reserve(first + size);
            if (baseline != null) {
                baseline.reserve(first + size);
            }
            FirstFailure failure = new FirstFailure(size);
            if (spec.task() == Task.MULTICLASS) {
                addClasses(block, first, failure);
            } else {
                columns.addLabels(block, row, label, failure);
                candidate.addOutputs(block, row, first, failure);
                if (baseline != null) {
                    baseline.addOutputs(block, row, first, failure);
                }
            }
            for (int c = 0; c < categorical.length; c++) {
                columns.addCategories(c, block, row, categorical[c], failure.limit());
            }
            if (ids != null) {
                for (int i = 0; i < failure.limit(); i++) {
                    try {
                        ids.add(required(row.at(block, i), id, "an id"));
                    } catch (InvalidInputException e) {
                        failure.at(i, e);
                    }
                }
            }
            failure.throwIfAny();
            columns.rows = first + size;
        }

        /**
         * Multiclass labels and predictions share one dictionary whose codes follow the order
         * in which classes first appear: label, then predictions, row by row.
         */
        private void addClasses(RowBlock block, int first, FirstFailure failure) {
            for (int i = 0; i < failure.limit(); i++) {
                Row current = row.at(block, i);
                try {
                    columns.classLabel[first + i] = columns.classOf(required(current, label, "a class label"));
                    candidate.addClass(current, first + i, columns);
                    if (baseline != null) {
                        baseline.addClass(current, first + i, columns);
                    }
                } catch (InvalidInputException e) {
                    failure.at(i, e);
                }
            }
        }

        /**
         * Appends the rows of the file's later parts, read by other instances for the same spec,
         * copying each part's columns once.
         *
         * @return {@code false} when the parts cannot be joined as one read would have seen them
         *     (they met different negative classes: one read reports the third class where it is)
         */
        boolean absorb(List<SpecColumns> later) {
            int[] rows = new int[later.size() + 1];
            rows[0] = columns.rows;
            List<int[]> classMaps = new ArrayList<>();
            for (int k = 0; k < later.size(); k++) {
                rows[k + 1] = later.get(k).columns.rows;
                classMaps.add(columns.classMap(later.get(k).columns)); // in file order: classes keep their first-seen order
            }
            if (!candidate.absorb(later.stream().map(part -> part.candidate).toList(), rows, classMaps)
                    || baseline != null
                    && !baseline.absorb(later.stream().map(part -> part.baseline).toList(), rows, classMaps)
                    || !columns.absorb(later.stream().map(part -> part.columns).toList(), rows, classMaps)) {
                return false;
            }
            if (ids != null) {
                later.forEach(part -> ids.addAll(part.ids));
            }
            return true;
        }

        /** Gives back the spare room of a part's growable columns once it is read. */
        void trimPart() {
            columns.trimPart();
            candidate.trimPart(columns.rows);
            if (baseline != null) {
                baseline.trimPart(columns.rows);
            }
        }

        boolean readsCategories(PredictionSpec other) {
            return categoriesOf == null && !spec.categorical().isEmpty() && spec.categorical().equals(other.categorical());
        }

        /** Finishes this evaluation; one whose categories it shares must have finished before. */
        EvaluationData finish(String source) {
            columns.trim();
            if (categoriesOf != null) {
                categories = categoriesOf.categories;
            } else {
                categories = new LinkedHashMap<>();
                for (int c = 0; c < categorical.length; c++) {
                    String name = spec.categorical().get(c);
                    categories.put(name, new CategoricalColumn(name, columns.codes[c],
                            columns.dictionaries.get(c).texts()));
                }
            }
            return new EvaluationData(source, spec, candidate.finish(columns),
                    baseline == null ? null : baseline.finish(columns), categories,
                    ids == null ? null : ids.toArray(String[]::new));
        }
    }

    private static int optionalColumn(TableReader table, String name) throws InvalidInputException {
        return name == null ? -1 : table.requireColumn(name);
    }

    static String required(Row table, int column, String expected) throws InvalidInputException {
        String text = table.value(column);
        if (text == null) {
            throw new InvalidInputException(table.locate(column), "empty cell (expected " + expected + ")");
        }
        return text;
    }

    static double number(Row table, int column, String what) throws InvalidInputException {
        if (!table.isNull(column)) {
            try {
                return table.decimal(column);
            } catch (InvalidValueException slowPath) {
                // spaces around the number, or not a number: decided below
            }
        }
        String text = required(table, column, "a number: " + what);
        try {
            return Decimal.parse(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(table.locate(column),
                    "'" + text + "' is not a finite number (expected a number: " + what + ")");
        }
    }

    /**
     * One row's cells, in the block the reading thread handed over, as the readers of one
     * evaluation see them (one instance per evaluation thread).
     */
    static final class Row {
        private final String source;
        private final FieldView[] views;
        private RowBlock block;
        private int index;

        Row(String source, int width) {
            this.source = source;
            this.views = new FieldView[width];
            for (int i = 0; i < width; i++) {
                views[i] = new FieldView();
            }
        }

        Row at(RowBlock rows, int row) {
            block = rows;
            index = row;
            return this;
        }

        /** @return the cell's text, {@code null} when empty */
        String value(int column) {
            return block.text(index, column);
        }

        /** @return the cell's characters, read in place until the next row; {@code null} when empty */
        CharSequence chars(int column) {
            return block.chars(index, column, views[column]);
        }

        /** @return whether the cell is empty */
        boolean isNull(int column) {
            return block.isNull(index, column);
        }

        /**
         * @return a non-null cell as a number, parsed from the file's bytes where it can be
         * @throws InvalidValueException when it is not a plain decimal number
         */
        double decimal(int column) throws InvalidValueException {
            return block.decimal(index, column);
        }

        /** @return where the cell is in the file */
        SourceLocation locate(int column) {
            return new SourceLocation(source, block.line(index), column + 1L);
        }
    }

    /**
     * Growth by half rather than doubling for the byte and int columns (numbers are kept in
     * {@link DoubleChunks}, which never copy): ten million rows of two evaluations fit in a 1 GiB
     * heap with room for sorting the scores.
     */
    private static int grown(int length) {
        return length + (length >> 1) + 16;
    }

    private static byte[] exact(byte[] values, int rows) {
        return values.length == rows ? values : Arrays.copyOf(values, rows);
    }

    private static int[] exact(int[] values, int rows) {
        return values.length == rows ? values : Arrays.copyOf(values, rows);
    }

    /** @return {@code values}, or a copy grown by half when it has fewer than {@code rows} entries */
    private static byte[] room(byte[] values, int rows) {
        return rows <= values.length ? values : Arrays.copyOf(values, Math.max(rows, grown(values.length)));
    }

    private static int[] room(int[] values, int rows) {
        return rows <= values.length ? values : Arrays.copyOf(values, Math.max(rows, grown(values.length)));
    }

    /**
     * The first failing cell of a block read column by column. Each column's loop stops at its
     * first failure, and later columns stop before that row: the error kept is the one a row-by-row
     * read meets first (the earliest row; in one row, the column read first).
     */
    private static final class FirstFailure {
        private int limit;
        private InvalidInputException error;

        FirstFailure(int rows) {
            this.limit = rows;
        }

        /** @return the rows still to read in the columns after this one */
        int limit() {
            return limit;
        }

        /** A failure at a row before {@link #limit()}: ends this column's loop too. */
        void at(int row, InvalidInputException e) {
            limit = row;
            error = e;
        }

        void throwIfAny() throws InvalidInputException {
            if (error != null) {
                throw error;
            }
        }
    }

    /**
     * @param rows how many rows of {@code first}, then of each later part, are used
     * @return the used rows of all parts in order, in an array of exactly that length
     */
    private static byte[] concat(byte[] first, List<byte[]> later, int[] rows) {
        byte[] all = Arrays.copyOf(first, Arrays.stream(rows).sum());
        int at = rows[0];
        for (int k = 0; k < later.size(); k++) {
            System.arraycopy(later.get(k), 0, all, at, rows[k + 1]);
            at += rows[k + 1];
        }
        return all;
    }

    /** As {@link #concat(byte[], List, int[])}, each later part's codes translated by its map. */
    private static int[] concat(int[] first, List<int[]> later, int[] rows, List<int[]> maps) {
        int[] all = Arrays.copyOf(first, Arrays.stream(rows).sum());
        int at = rows[0];
        for (int k = 0; k < later.size(); k++) {
            int[] part = later.get(k);
            int[] map = maps.get(k);
            for (int i = 0; i < rows[k + 1]; i++) {
                all[at + i] = map[part[i]];
            }
            at += rows[k + 1];
        }
        return all;
    }

    /** @return for each code of {@code from}, the code of the same text in {@code into} (added when new) */
    private static int[] codeMap(TextCodes into, TextCodes from) {
        List<String> texts = from.texts();
        int[] map = new int[texts.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = into.add(texts.get(i));
        }
        return map;
    }

    /** Growable label and categorical columns shared by the candidate and baseline outputs. */
    private static final class Columns {
        final PredictionSpec spec;
        final TextCodes classes = new TextCodes();
        final PositiveLabel positive;
        final int[][] codes;
        final List<TextCodes> dictionaries = new ArrayList<>();
        byte[] binaryLabel = new byte[1024];
        int[] classLabel = new int[0];
        DoubleChunks numericLabel;
        double[] numericLabels;
        int rows;

        Columns(PredictionSpec spec, int categorical) {
            this.spec = spec;
            this.positive = new PositiveLabel(spec.positiveLabel());
            this.codes = new int[categorical][1024];
            for (int c = 0; c < categorical; c++) {
                dictionaries.add(new TextCodes());
            }
            if (spec.task() == Task.MULTICLASS) {
                classLabel = new int[1024];
            } else if (spec.task() == Task.REGRESSION) {
                numericLabel = new DoubleChunks();
            }
        }

        /** Makes room for {@code rows} rows in the label and category columns. */
        void reserve(int rows) {
            switch (spec.task()) {
                case BINARY -> binaryLabel = room(binaryLabel, rows);
                case MULTICLASS -> classLabel = room(classLabel, rows);
                case REGRESSION -> {
                    // chunks grow by themselves
                }
            }
            for (int c = 0; c < codes.length; c++) {
                codes[c] = room(codes[c], rows);
            }
        }

        /** Binary or regression labels of a block's rows, up to the first failure. */
        void addLabels(RowBlock block, Row row, int label, FirstFailure failure) {
            int first = rows;
            if (spec.task() == Task.BINARY) {
                byte[] labels = binaryLabel;
                for (int i = 0; i < failure.limit(); i++) {
                    try {
                        labels[first + i] = positive.classify(row.at(block, i), label, "the label") ? (byte) 1 : 0;
                    } catch (InvalidInputException e) {
                        failure.at(i, e);
                    }
                }
                return;
            }
            DoubleChunks values = numericLabel;
            for (int i = 0; i < failure.limit(); i++) {
                try {
                    values.add(number(row.at(block, i), label, "the true value"));
                } catch (InvalidInputException e) {
                    failure.at(i, e);
                }
            }
        }

        /** Codes of one categorical column for a block's first {@code limit} rows. */
        void addCategories(int c, RowBlock block, Row row, int column, int limit) {
            int[] coded = codes[c];
            TextCodes dictionary = dictionaries.get(c);
            int first = rows;
            for (int i = 0; i < limit; i++) {
                CharSequence text = row.at(block, i).chars(column);
                coded[first + i] = dictionary.add(text == null ? CategoricalColumn.MISSING : text);
            }
        }

        /** @return for a multiclass task, the later part's class codes in this one's dictionary */
        int[] classMap(Columns later) {
            return spec.task() == Task.MULTICLASS ? codeMap(classes, later.classes) : null;
        }

        /** Appends the later parts' labels and categories (after their outputs, which need the row count before). */
        boolean absorb(List<Columns> later, int[] rows, List<int[]> classMaps) {
            for (Columns part : later) {
                if (!positive.absorb(part.positive)) {
                    return false;
                }
            }
            switch (spec.task()) {
                case BINARY -> binaryLabel = concat(binaryLabel, later.stream().map(part -> part.binaryLabel).toList(), rows);
                case MULTICLASS -> classLabel = concat(classLabel, later.stream().map(part -> part.classLabel).toList(),
                        rows, classMaps);
                case REGRESSION -> later.forEach(part -> numericLabel.addAll(part.numericLabel));
            }
            for (int c = 0; c < codes.length; c++) {
                int column = c;
                List<int[]> maps = later.stream().map(part -> codeMap(dictionaries.get(column),
                        part.dictionaries.get(column))).toList();
                codes[c] = concat(codes[c], later.stream().map(part -> part.codes[column]).toList(), rows, maps);
            }
            this.rows = Arrays.stream(rows).sum();
            return true;
        }

        /** Trims a part's growable columns to its rows; numbers stay in chunks, to be joined. */
        void trimPart() {
            switch (spec.task()) {
                case BINARY -> binaryLabel = exact(binaryLabel, rows);
                case MULTICLASS -> classLabel = exact(classLabel, rows);
                case REGRESSION -> numericLabel.trim();
            }
            for (int c = 0; c < codes.length; c++) {
                codes[c] = exact(codes[c], rows);
            }
        }

        /** Trims the label and category columns to the rows read (shared by candidate and baseline). */
        void trim() {
            switch (spec.task()) {
                case BINARY -> binaryLabel = exact(binaryLabel, rows);
                case MULTICLASS -> classLabel = exact(classLabel, rows);
                case REGRESSION -> {
                    numericLabels = numericLabel.toArray();
                    numericLabel = null;
                }
            }
            for (int c = 0; c < codes.length; c++) {
                codes[c] = exact(codes[c], rows);
            }
        }

        int classOf(String text) {
            return classes.add(text);
        }

    }

    /** One model's growable output columns. */
    private static final class Outputs {
        final Task task;
        final int score;
        final int prediction;
        final boolean thresholdScore;
        final double threshold;
        final PositiveLabel positiveLabel;
        byte[] predictedClass = new byte[1024];
        int[] predictedCode = new int[0];
        DoubleChunks values;

        private Outputs(PredictionSpec spec, int score, int prediction) {
            this.task = spec.task();
            this.score = score;
            this.prediction = prediction;
            this.thresholdScore = score >= 0 && (spec.threshold() != null || prediction < 0);
            this.threshold = spec.effectiveThreshold();
            this.positiveLabel = new PositiveLabel(spec.positiveLabel());
            if (task == Task.BINARY && score >= 0 || task == Task.REGRESSION) {
                values = new DoubleChunks();
            }
            if (task == Task.MULTICLASS) {
                predictedCode = new int[1024];
            }
        }

        static Outputs create(PredictionSpec spec, int score, int prediction, String source)
                throws InvalidInputException {
            boolean ok = switch (spec.task()) {
                case BINARY, REGRESSION -> score >= 0 || prediction >= 0;
                case MULTICLASS -> prediction >= 0;
            };
            if (!ok) {
                throw new InvalidInputException(new SourceLocation(source, 1, 0), switch (spec.task()) {
                    case BINARY -> "no score or prediction column given (expected --score and/or --prediction)";
                    case MULTICLASS -> "no prediction column given (expected --prediction naming the predicted class)";
                    case REGRESSION -> "no prediction column given (expected --prediction naming the predicted value)";
                });
            }
            return new Outputs(spec, score, prediction);
        }

        /** Makes room for {@code rows} rows in the class columns. */
        void reserve(int rows) {
            switch (task) {
                case BINARY -> predictedClass = room(predictedClass, rows);
                case MULTICLASS -> predictedCode = room(predictedCode, rows);
                case REGRESSION -> {
                    // chunks grow by themselves
                }
            }
        }

        /** Binary or regression outputs of a block's rows (from row {@code first} on), up to the first failure. */
        void addOutputs(RowBlock block, Row row, int first, FirstFailure failure) {
            if (task == Task.REGRESSION) {
                int column = prediction >= 0 ? prediction : score;
                for (int i = 0; i < failure.limit(); i++) {
                    try {
                        values.add(number(row.at(block, i), column, "the predicted value"));
                    } catch (InvalidInputException e) {
                        failure.at(i, e);
                    }
                }
                return;
            }
            byte[] classes = predictedClass;
            if (score >= 0) {
                for (int i = 0; i < failure.limit(); i++) {
                    try {
                        double s = number(row.at(block, i), score, "the score");
                        values.add(s);
                        classes[first + i] = s >= threshold ? (byte) 1 : 0; // overwritten below by a prediction column
                    } catch (InvalidInputException e) {
                        failure.at(i, e);
                    }
                }
            }
            if (!thresholdScore) {
                for (int i = 0; i < failure.limit(); i++) {
                    try {
                        classes[first + i] = positiveLabel.classify(row.at(block, i), prediction, "the predicted class")
                                ? (byte) 1 : 0;
                    } catch (InvalidInputException e) {
                        failure.at(i, e);
                    }
                }
            }
        }

        /** A multiclass prediction, coded in the dictionary of the labels. */
        void addClass(Row table, int row, Columns columns) throws InvalidInputException {
            predictedCode[row] = columns.classOf(required(table, prediction, "a predicted class"));
        }

        /** Trims a part's growable columns to its rows; numbers stay in chunks, to be joined. */
        void trimPart(int rows) {
            switch (task) {
                case BINARY -> predictedClass = exact(predictedClass, rows);
                case MULTICLASS -> predictedCode = exact(predictedCode, rows);
                case REGRESSION -> {
                    // numbers only
                }
            }
            if (values != null) {
                values.trim();
            }
        }

        /** Appends the later parts' outputs; {@code rows} holds each part's row count, this one's first. */
        boolean absorb(List<Outputs> later, int[] rows, List<int[]> classMaps) {
            for (Outputs part : later) {
                if (!positiveLabel.absorb(part.positiveLabel)) {
                    return false;
                }
            }
            switch (task) {
                case BINARY -> {
                    predictedClass = concat(predictedClass, later.stream().map(part -> part.predictedClass).toList(),
                            rows);
                    if (values != null) {
                        later.forEach(part -> values.addAll(part.values));
                    }
                }
                case MULTICLASS -> predictedCode = concat(predictedCode,
                        later.stream().map(part -> part.predictedCode).toList(), rows, classMaps);
                case REGRESSION -> later.forEach(part -> values.addAll(part.values));
            }
            return true;
        }

        ModelPredictions finish(Columns columns) {
            int rows = columns.rows;
            // trimmed one array at a time, each growable one dropped as soon as it is copied
            return switch (task) {
                case BINARY -> {
                    predictedClass = exact(predictedClass, rows);
                    double[] scores = score >= 0 ? values.toArray() : null;
                    values = null;
                    yield new BinaryPredictions(columns.binaryLabel, predictedClass, scores);
                }
                case MULTICLASS -> {
                    predictedCode = exact(predictedCode, rows);
                    yield new MulticlassPredictions(columns.classLabel, predictedCode, columns.classes.texts());
                }
                case REGRESSION -> {
                    double[] predicted = values.toArray();
                    values = null;
                    yield new RegressionPredictions(columns.numericLabels, predicted);
                }
            };
        }
    }

    /**
     * Decides whether a cell holds the positive label, comparing numerically when the positive
     * label is a number ({@code 1} matches {@code 1.0}), and rejects a third class.
     */
    private static final class PositiveLabel {
        private final String text;
        private final double number;
        private final Map<String, String> negativeSeen = new HashMap<>();
        private String lastNegative;

        PositiveLabel(String text) {
            this.text = text.trim();
            double parsed;
            try {
                parsed = Decimal.parse(this.text);
            } catch (NumberFormatException e) {
                parsed = Double.NaN;
            }
            this.number = parsed;
        }

        /** @return whether a later part of the file met the same negative classes as this one */
        boolean absorb(PositiveLabel later) {
            for (Map.Entry<String, String> seen : later.negativeSeen.entrySet()) {
                String previous = negativeSeen.putIfAbsent(seen.getKey(), seen.getValue());
                if (previous != null && !previous.equals(seen.getValue())) {
                    return false;
                }
            }
            return true;
        }

        boolean classify(Row table, int column, String what) throws InvalidInputException {
            CharSequence chars = table.chars(column);
            if (chars != null && FieldView.contentEquals(chars, text)) {
                return true;
            }
            if (chars != null && lastNegative != null && FieldView.contentEquals(chars, lastNegative)) {
                return false; // the common case: the other class, written as before
            }
            String cell = required(table, column, what);
            String key = cell;
            if (!Double.isNaN(number)) {
                try {
                    double value = Decimal.parse(cell.trim());
                    if (value == number) {
                        return true;
                    }
                    key = Double.toString(value);
                } catch (NumberFormatException e) {
                    // a non-numeric class next to a numeric positive label: compared as text
                }
            }
            // remember the negative class per column so that a third class is reported
            lastNegative = cell;
            String previous = negativeSeen.putIfAbsent(what, key);
            if (previous != null && !previous.equals(key)) {
                throw new InvalidInputException(table.locate(column), "a third class '" + cell + "' in " + what
                        + " (expected two classes: the positive label '" + text + "' and one other)");
            }
            return false;
        }
    }
}
