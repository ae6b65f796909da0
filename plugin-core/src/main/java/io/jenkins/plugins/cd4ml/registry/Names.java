package io.jenkins.plugins.cd4ml.registry;

import java.util.regex.Pattern;

/** Rules for model names, alias names and artifact paths, shared by every backend. */
public final class Names {
    /** Model names: also valid SageMaker model package group names and MLflow model names. */
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9](-*[A-Za-z0-9]){0,62}");
    /** Alias names: lower case, not a number, so they cannot be mistaken for a version. */
    private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    private Names() {
    }

    /**
     * @param name a model name
     * @return the name
     * @throws IllegalArgumentException if it is not 1–63 letters, digits and inner hyphens
     */
    public static String requireModelName(String name) {
        if (name == null || !MODEL.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid model name '" + name
                    + "' (expected 1-63 letters, digits and inner hyphens, e.g. credit-risk)");
        }
        return name;
    }

    /**
     * @param alias an alias name
     * @return the alias
     * @throws IllegalArgumentException if it is not a lower-case name starting with a letter
     */
    public static String requireAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("invalid alias '" + alias
                    + "' (expected lower-case letters, digits, '-' or '_', starting with a letter, e.g. production)");
        }
        return alias;
    }

    /**
     * @param path a relative artifact path using '/' separators
     * @return the normalised path
     * @throws IllegalArgumentException if it is absolute, empty or climbs out with '..'
     */
    public static String requireArtifactPath(String path) {
        String normalised = path == null ? "" : path.replace('\\', '/');
        while (normalised.startsWith("./")) {
            normalised = normalised.substring(2);
        }
        boolean bad = normalised.isEmpty() || normalised.startsWith("/") || normalised.contains(":");
        for (String segment : normalised.split("/", -1)) {
            bad |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
        }
        if (bad) {
            throw new IllegalArgumentException("invalid artifact path '" + path
                    + "' (expected a relative path such as model/model.onnx)");
        }
        return normalised;
    }

    /**
     * @param value a value
     * @param what what it is, for the message
     * @return the value
     * @throws IllegalArgumentException if it is null or blank
     */
    public static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
