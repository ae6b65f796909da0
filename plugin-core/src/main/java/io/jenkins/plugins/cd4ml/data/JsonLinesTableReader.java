package io.jenkins.plugins.cd4ml.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON Lines: one object per line. The columns are the keys of the first object; later objects may
 * leave keys out (null) but may not add new ones.
 */
final class JsonLinesTableReader implements TableReader {
    private final String source;
    private final BufferedReader lines;
    private final List<String> columns;
    private final String[] values;
    private ObjectNode pending;
    private long pendingLine;
    private long line;
    private long physicalLine;
    private long rowNumber;

    private JsonLinesTableReader(String source, BufferedReader lines, ObjectNode first, long firstLine) {
        this.source = source;
        this.lines = lines;
        List<String> names = new ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        this.columns = List.copyOf(names);
        this.values = new String[columns.size()];
        this.pending = first;
        this.pendingLine = firstLine;
        this.physicalLine = firstLine;
    }

    static JsonLinesTableReader open(Path file) throws InvalidInputException {
        String source = file.toString();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader lines = new BufferedReader(new InputStreamReader(InputFiles.open(file), decoder), 1 << 16);
        long[] lineCounter = {0};
        ObjectNode first = readObject(source, lines, lineCounter);
        if (first == null) {
            throw new InvalidInputException(SourceLocation.ofFile(source),
                    "the file is empty (expected one JSON object per line)");
        }
        return new JsonLinesTableReader(source, lines, first, lineCounter[0]);
    }

    private static ObjectNode readObject(String source, BufferedReader lines, long[] lineCounter)
            throws InvalidInputException {
        try {
            String text;
            while ((text = lines.readLine()) != null) {
                lineCounter[0]++;
                if (lineCounter[0] == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.mapper().readTree(text);
                } catch (JsonProcessingException e) {
                    long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
                    throw new InvalidInputException(new SourceLocation(source, lineCounter[0], column),
                            "malformed JSON: " + e.getOriginalMessage() + " (expected one JSON object per line)");
                }
                if (!(node instanceof ObjectNode object)) {
                    throw new InvalidInputException(new SourceLocation(source, lineCounter[0], 1),
                            "found a JSON " + node.getNodeType().toString().toLowerCase() + " (expected a JSON object)");
                }
                return object;
            }
            return null;
        } catch (IOException e) {
            throw new InvalidInputException(new SourceLocation(source, lineCounter[0] + 1, 0),
                    "cannot be read (expected UTF-8 text): " + e.getMessage(), e);
        }
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() throws InvalidInputException {
        ObjectNode object;
        if (pending != null) {
            object = pending;
            line = pendingLine;
            pending = null;
        } else {
            long[] counter = {physicalLine};
            object = readObject(source, lines, counter);
            physicalLine = counter[0];
            line = physicalLine;
        }
        if (object == null) {
            return false;
        }
        java.util.Arrays.fill(values, null);
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            int index = columns.indexOf(name);
            if (index < 0) {
                throw new InvalidInputException(new SourceLocation(source, line, 0),
                        "unexpected key '" + name + "' (expected only the keys of the first line: " + columns + ")");
            }
            JsonNode value = object.get(name);
            values[index] = value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
        }
        rowNumber++;
        return true;
    }

    @Override
    public String value(int column) {
        return values[column];
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
