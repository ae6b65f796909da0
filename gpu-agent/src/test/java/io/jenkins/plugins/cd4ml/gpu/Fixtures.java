package io.jenkins.plugins.cd4ml.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the recorded command outputs under {@code src/test/resources/.../gpu/fixtures}. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * @param name the file name
     * @return its text
     */
    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name a fixture name
     * @return whether it exists
     */
    public static boolean exists(String name) {
        return Fixtures.class.getResource("fixtures/" + name) != null;
    }
}
