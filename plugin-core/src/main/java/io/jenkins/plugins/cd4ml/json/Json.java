package io.jenkins.plugins.cd4ml.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.cd4ml.report.InvalidInputException;
import io.jenkins.plugins.cd4ml.report.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one place where cd4ml's JSON and YAML mappers are configured, so every report is written the
 * same way (stable key order, ISO dates, no failure on unknown fields from newer schema versions).
 */
public final class Json {
    /** The version of every JSON document cd4ml writes; readers accept the same major version. */
    public static final String SCHEMA_VERSION = "1.0";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final ObjectMapper YAML = createYaml();

    private Json() {
    }

    /** @return the shared, thread-safe JSON mapper */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * A YAML mapper for user-written configuration: limits aliases and document size so a hostile
     * file cannot exhaust memory (billion-laughs).
     *
     * @return the shared, thread-safe YAML mapper
     */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /**
     * Reads a user's JSON or YAML file (YAML unless the name ends in {@code .json}) into a tree,
     * turning every problem into the precise error all commands report with exit code 3.
     *
     * @param file the file
     * @param shownAs the name to use in error messages (usually the path as the user gave it)
     * @return the document's root node (a missing node for an empty file)
     * @throws InvalidInputException when the file is missing, unreadable or malformed, with line and column
     */
    public static JsonNode readUserFile(Path file, String shownAs) throws InvalidInputException {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        try {
            JsonNode root = (json ? JSON : YAML).readTree(Files.readString(file, StandardCharsets.UTF_8));
            return root == null ? MissingNode.getInstance() : root;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(SourceLocation.ofFile(shownAs), "file not found");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidInputException(at == null ? SourceLocation.ofFile(shownAs)
                    : new SourceLocation(shownAs, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr())),
                    "malformed " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(SourceLocation.ofFile(shownAs), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static ObjectMapper createYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(8 * 1024 * 1024);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        return YAMLMapper.builder(factory)
                .findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
