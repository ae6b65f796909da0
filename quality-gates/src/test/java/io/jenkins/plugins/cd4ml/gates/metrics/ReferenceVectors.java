package io.jenkins.plugins.cd4ml.gates.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.cd4ml.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;

/**
 * The scikit-learn reference vectors copied from {@code testdata/metrics} (predictions.csv +
 * expected.json per folder), and a generic comparison of every numeric field of expected.json.
 */
public final class ReferenceVectors {
    /** Agreement required with the reference: 1e-9 relative. */
    public static final double RELATIVE_TOLERANCE = 1e-9;

    private ReferenceVectors() {
    }

    /** @return the vector folders */
    public static List<Path> folders() {
        try {
            Path root = Path.of(ReferenceVectors.class.getResource("/metrics-vectors").toURI());
            try (Stream<Path> list = Files.list(root)) {
                return list.filter(Files::isDirectory).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the parsed expected.json of a folder */
    public static JsonNode expected(Path folder) {
        try {
            return Json.mapper().readTree(folder.resolve("expected.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that every numeric leaf of {@code expected} is present at the same path in
     * {@code actual} and agrees to {@link #RELATIVE_TOLERANCE}.
     *
     * @param expected the reference
     * @param actual the report's metrics object
     * @return how many numbers were compared
     */
    public static int assertNumbersAgree(JsonNode expected, JsonNode actual) {
        List<String> checked = new ArrayList<>();
        SoftAssertions softly = new SoftAssertions();
        walk("", expected, actual, softly, checked);
        softly.assertAll();
        assertThat(checked).isNotEmpty();
        return checked.size();
    }

    private static void walk(String path, JsonNode expected, JsonNode actual, SoftAssertions softly,
            List<String> checked) {
        if (expected.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode child = actual == null ? null : actual.get(field.getKey());
                walk(path + "/" + field.getKey(), field.getValue(), child, softly, checked);
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                walk(path + "/" + i, expected.get(i), actual == null ? null : actual.get(i), softly, checked);
            }
        } else if (expected.isNumber()) {
            checked.add(path);
            softly.assertThat(actual).as(path).isNotNull();
            if (actual != null) {
                softly.assertThat(actual.isNumber()).as(path + " is a number, was " + actual).isTrue();
                double want = expected.asDouble();
                double got = actual.asDouble();
                double tolerance = RELATIVE_TOLERANCE * Math.max(Math.abs(want), Double.MIN_NORMAL);
                softly.assertThat(Math.abs(got - want)).as(path + ": got " + got + ", expected " + want)
                        .isLessThanOrEqualTo(tolerance);
            }
        }
    }
}
