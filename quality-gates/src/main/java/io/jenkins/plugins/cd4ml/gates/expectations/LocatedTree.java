package io.jenkins.plugins.cd4ml.gates.expectations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.cd4ml.json.Json;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A YAML or JSON document read into a Jackson tree that remembers where each node (and each key)
 * starts, so that schema errors can name file, line and column. Jackson's own tree forgets this.
 */
final class LocatedTree {
    private static final long MAX_BYTES = 8L * 1024 * 1024;

    private final String source;
    private final JsonNode root;
    private final Map<String, JsonLocation> nodes;
    private final Map<String, JsonLocation> keys;

    private LocatedTree(String source, JsonNode root, Map<String, JsonLocation> nodes, Map<String, JsonLocation> keys) {
        this.source = source;
        this.root = root;
        this.nodes = nodes;
        this.keys = keys;
    }

    static LocatedTree read(Path file) throws InvalidInputException {
        String source = file.toString();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        JsonFactory factory = name.endsWith(".json") ? Json.mapper().getFactory() : Json.yaml().getFactory();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(SourceLocation.ofFile(source),
                        "larger than " + MAX_BYTES + " bytes (expected a small expectations file)");
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(SourceLocation.ofFile(source), "file not found");
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(source), "cannot be read: " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file); JsonParser parser = factory.createParser(in)) {
            Map<String, JsonLocation> nodes = new HashMap<>();
            Map<String, JsonLocation> keys = new HashMap<>();
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidInputException(SourceLocation.ofFile(source),
                        "the file is empty (expected a mapping with an 'expectations' list)");
            }
            JsonNode root = readValue(parser, JsonPointer.empty(), nodes, keys);
            return new LocatedTree(source, root, nodes, keys);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidInputException(new SourceLocation(source, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr()), "malformed " + (factory == Json.mapper().getFactory()
                    ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(source), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonNode readValue(JsonParser parser, JsonPointer at, Map<String, JsonLocation> nodes,
            Map<String, JsonLocation> keys) throws IOException {
        nodes.put(at.toString(), parser.currentTokenLocation());
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = f.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonPointer child = at.appendProperty(key);
                    keys.put(child.toString(), parser.currentTokenLocation());
                    parser.nextToken();
                    if (object.has(key)) {
                        throw new DuplicateKey(key, parser.currentTokenLocation());
                    }
                    object.set(key, readValue(parser, child, nodes, keys));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = f.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, at.appendIndex(index++), nodes, keys));
                }
                return array;
            }
            case VALUE_STRING -> {
                return f.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return f.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            default -> {
                return f.nullNode();
            }
        }
    }

    String source() {
        return source;
    }

    JsonNode root() {
        return root;
    }

    /**
     * @param pointer a JSON pointer such as {@code /expectations/3/column}
     * @return where that value starts (or the whole file when unknown)
     */
    SourceLocation locate(String pointer) {
        return toLocation(nodes.get(pointer));
    }

    /**
     * @param pointer a JSON pointer to a value inside an object
     * @return where its key starts
     */
    SourceLocation locateKey(String pointer) {
        JsonLocation key = keys.get(pointer);
        return key == null ? locate(pointer) : toLocation(key);
    }

    private SourceLocation toLocation(JsonLocation at) {
        return at == null ? SourceLocation.ofFile(source) : new SourceLocation(source, at.getLineNr(), at.getColumnNr());
    }

    /** A key given twice in one mapping, which YAML forbids and JSON leaves undefined. */
    static final class DuplicateKey extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        DuplicateKey(String key, JsonLocation at) {
            super("duplicate key '" + key + "' (expected each key once)", at);
        }
    }
}
