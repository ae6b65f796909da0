package io.jenkins.plugins.cd4ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the cd4ml engine, read from the build's filtered {@code version.properties}. */
public final class Cd4mlVersion {
    private static final String VERSION = load();

    private Cd4mlVersion() {
    }

    /** @return the released version, e.g. {@code 0.1.0} */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Cd4mlVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
